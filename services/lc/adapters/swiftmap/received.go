package swiftmap

import (
	"strconv"
	"strings"
	"time"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ReceivedParties are the organisations the receiving bank knows the applicant and the
// beneficiary an MT700 names (50, 59) as: the network's identifiers (LEIs), which SWIFT does
// not carry.
type ReceivedParties struct{ Applicant, Beneficiary string }

// ReceivedCredit maps an MT700 a bank received, with its MT701s (already validated), to the
// terms the credit is registered with: the issuing bank is its sender, the advising bank its
// receiver.
func ReceivedCredit(msgs []*swift.Message, p ReceivedParties) (domain.Terms, domain.Date, error) {
	c, err := swift.ParseMT700(msgs...)
	if err != nil {
		return domain.Terms{}, domain.Date{}, err
	}
	t := domain.Terms{
		Number: c.Number, Applicant: partyOf(p.Applicant, c.Applicant), Beneficiary: partyOf(p.Beneficiary, c.Beneficiary),
		IssuingBank: c.Sender, AdvisingBank: c.Receiver, Amount: c.Amount, ExpiryDate: dateOf(c.ExpiryDate), ExpiryPlace: c.ExpiryPlace,
		LatestShipment: dateOf(c.LatestShipment), PartialShipments: domain.Permission(c.PartialShipments),
		Transhipment: domain.Permission(c.Transhipment), PortOfLoading: c.PortOfLoading, PortOfDischarge: c.PortOfDischarge,
		Goods: domain.Goods{Description: strings.Join(c.Goods, "\n")}, Documents: documentsOf(c.Documents),
	}
	if c.HasTolerance {
		t.Tolerance = &domain.Tolerance{PlusPct: int64(c.TolerancePlus), MinusPct: int64(c.ToleranceMinus)}
	}
	if days, _, _ := strings.Cut(c.PresentationPeriod, "/"); days != "" {
		t.PresentationPeriodDays, _ = strconv.Atoi(days) // 48 is 3n[/35x]: Validate checked the digits
	}
	return t, dateOf(c.DateOfIssue), nil
}

// ReceivedAmendment maps an MT707 a bank received (already validated) to the amendment of the
// credit numbered by 23 (the issuing bank's reference).
func ReceivedAmendment(m *swift.Message) (creditNumber string, a domain.Amendment, err error) {
	x, err := swift.ParseMT707(m)
	if err != nil {
		return "", domain.Amendment{}, err
	}
	return x.IssuingBankReference, domain.Amendment{Number: x.AmendmentNumber, Date: dateOf(x.DateOfAmendment), NewExpiry: dateOf(x.NewExpiry),
		Increase: x.Increase, Decrease: x.Decrease, NewLatestShipment: dateOf(x.LatestShipment)}, nil
}

// TermsField is the MT700 field a credit's term comes from, to name it when the credit refuses
// the term ("terms.expiryPlace" is 31D).
func TermsField(term string) string {
	if f, ok := termFields[strings.TrimPrefix(term, "terms.")]; ok {
		return f
	}
	return term
}

var termFields = map[string]string{
	"number": "20", "applicant.name": "50", "applicant.address": "50", "beneficiary.name": "59", "beneficiary.address": "59",
	"applicant.id": "applicant", "beneficiary.id": "beneficiary", "issuingBank": "block 2 (sender)", "amount": "32B", "tolerance": "39A",
	"expiryDate": "31D", "expiryPlace": "31D", "latestShipment": "44C", "partialShipments": "43P", "transhipment": "43T",
	"portOfLoading": "44E", "portOfDischarge": "44F", "goods.description": "45A", "documentsRequired": "46A",
	"presentationPeriodDays": "48", "issueDate": "31C",
}

// partyOf is a party of the network, named and addressed by a 4*35x field (59's account line,
// if any, left out).
func partyOf(id string, lines []string) domain.Party {
	if len(lines) > 0 && strings.HasPrefix(lines[0], "/") {
		lines = lines[1:]
	}
	p := domain.Party{ID: id}
	if len(lines) > 0 {
		p.Name, p.Address = lines[0], strings.Join(lines[1:], ", ")
	}
	return p
}

// documentKinds recognises the documents a 46A line calls for, by the words banks use for them;
// a line that names none of them stays only in the narrative (the bank examines it by hand).
var documentKinds = []struct {
	words []string
	kind  domain.DocumentKind
}{
	{[]string{"COMMERCIAL INVOICE"}, domain.CommercialInvoice},
	{[]string{"BILL OF LADING", "BILLS OF LADING"}, domain.BillOfLading},
	{[]string{"INSURANCE POLICY", "INSURANCE CERTIFICATE", "INSURANCE DOCUMENT"}, domain.InsuranceDocument},
	{[]string{"PACKING LIST"}, domain.PackingList},
	{[]string{"CERTIFICATE OF ORIGIN"}, domain.CertificateOfOrigin},
}

func documentsOf(lines []string) []domain.DocumentKind {
	text := strings.Join(lines, " ")
	var out []domain.DocumentKind
	for _, d := range documentKinds {
		for _, w := range d.words {
			if strings.Contains(text, w) {
				out = append(out, d.kind)
				break
			}
		}
	}
	return out
}

func dateOf(t time.Time) domain.Date {
	if t.IsZero() {
		return domain.Date{}
	}
	return domain.NewDate(t.Date())
}

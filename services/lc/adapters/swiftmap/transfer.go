package swiftmap

import (
	"fmt"
	"strings"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// MT720 is the transfer of a documentary credit (UCP 600 Art. 38), from the transferring bank to
// the second beneficiary's bank: the transferred credit's terms, the original credit's issuing
// bank (52A) and its number (21), the first beneficiary (50) and the second (59). The
// transferring bank advises the second beneficiary itself here, so it is sender and receiver
// alike. MT721 would continue 45A/46A/47A beyond one message; a transferred credit of this
// service fits in one (its narrative bounds are MT700's).
func MT720(lc *domain.LetterOfCredit) (*swift.Message, error) {
	m, err := mt720(lc)
	if err != nil {
		return nil, err
	}
	return m, swift.Validate(m)
}

// mt720 is the MT720 with the whole narrative in it, not yet validated (transfer_continuation.go
// moves what exceeds its field sizes to MT721s).
func mt720(lc *domain.LetterOfCredit) (*swift.Message, error) {
	tr := lc.Transfer
	if tr == nil || tr.Status != domain.TransferTransferred {
		return nil, fmt.Errorf("MT720: the credit is not transferred")
	}
	t, first := lc.TransferredTerms(), lc.Terms.Beneficiary
	bank := lc.Terms.TransferringBank()
	m := &swift.Message{Sender: bank, Receiver: bank, Type: "720", Input: true}
	m.Add("27", "1/1")
	m.Add("40B", "IRREVOCABLE\r\nWITHOUT OUR CONFIRMATION")
	m.Add("20", short(lc.ID+"T"))
	m.Add("21", short(lc.Terms.Number))
	m.Add("31C", swift.Date6(civil(lc.IssueDate)))
	m.Add("40E", "UCP LATEST VERSION")
	m.Add("31D", swift.Date6(civil(t.ExpiryDate))+upper(t.ExpiryPlace, 29))
	m.Add("52A", lc.Terms.IssuingBank)
	m.Add("50", strings.Join(party(first), "\r\n"))
	m.Add("59", strings.Join(party(t.Beneficiary), "\r\n"))
	amount, err := swift.CurrencyAmount(t.Amount)
	if err != nil {
		return nil, err
	}
	m.Add("32B", amount)
	if tol := t.Tolerance; tol != nil {
		m.Add("39A", swift.Tolerance(int(tol.PlusPct), int(tol.MinusPct)))
	}
	m.Add("41A", bank+"\r\nBY PAYMENT")
	m.Add("43P", string(t.PartialShipments))
	m.Add("43T", string(t.Transhipment))
	m.Add("44E", upper(t.PortOfLoading, 65))
	m.Add("44F", upper(t.PortOfDischarge, 65))
	if !t.LatestShipment.IsZero() {
		m.Add("44C", swift.Date6(civil(t.LatestShipment)))
	}
	goods := t.Goods.Description
	if u := t.Goods.UnitPrice; u != nil {
		goods += fmt.Sprintf("\nAT %s PER %s", u, t.Goods.Unit)
	}
	m.Add("45A", strings.Join(swift.Wrap(swift.ToX(strings.ToUpper(goods)), 65), "\r\n"))
	var docs []string
	for _, d := range t.Documents {
		line := "+" + strings.ToUpper(strings.ReplaceAll(string(d), "_", " "))
		if d == domain.InsuranceDocument {
			line += fmt.Sprintf(" FOR %d PCT OF THE INVOICE VALUE", coverPct(tr))
		}
		docs = append(docs, line)
	}
	m.Add("46A", strings.Join(docs, "\r\n"))
	conds := []string{"+FIRST BENEFICIARY MAY SUBSTITUTE ITS INVOICE AND DRAFT", amendmentsClause(tr)}
	for _, c := range t.AdditionalConditions {
		conds = append(conds, swift.Wrap(swift.ToX("+"+strings.ToUpper(c)), 65)...)
	}
	m.Add("47A", strings.Join(conds, "\r\n"))
	if t.PresentationPeriodDays > 0 {
		m.Add("48", fmt.Sprint(t.PresentationPeriodDays))
	}
	m.Add("49", "WITHOUT")
	m.Add("78", "DOCUMENTS TO BE PRESENTED TO US AS TRANSFERRING BANK")
	m.Add("72Z", "TRANSFER UNDER UCP 600 ARTICLE 38")
	return m, nil
}

func coverPct(tr *domain.Transfer) int64 {
	if tr.InsuranceCoverPct == 0 {
		return 110
	}
	return tr.InsuranceCoverPct
}

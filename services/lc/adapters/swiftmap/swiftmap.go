// Package swiftmap renders a credit's history as the SWIFT messages the banks exchange: MT700
// (and MT701s) when issued, MT707 for each amendment, MT750 when the nominated bank forwards under reserve, MT734 for each refusal, MT752 when discrepancies are waived and the
// bank authorises payment, MT754 and MT756 when honoured.
package swiftmap

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Message is one rendered message with its type.
type Message struct {
	Type string `json:"type"` // "MT700"
	Text string `json:"text"` // the FIN text
}

// Messages renders every message the credit's history has produced so far.
func Messages(lc *domain.LetterOfCredit) ([]Message, error) {
	if lc.Status == domain.StatusApplied || lc.Status == domain.StatusPendingIssue {
		return []Message{}, nil // no MT700 before the credit is issued: it has no date of issue (31C) yet
	}
	var out []Message
	add := func(ms ...*swift.Message) {
		for _, m := range ms {
			out = append(out, Message{Type: "MT" + m.Type, Text: m.String()})
		}
	}
	mt700, err := MT700(lc).Messages()
	if err != nil {
		return nil, fmt.Errorf("MT700: %w", err)
	}
	add(mt700...)
	t := lc.Terms
	for _, a := range lc.Amendments {
		if !issued(a) {
			continue
		}
		m, err := MT707(lc, a)
		if err != nil {
			return nil, fmt.Errorf("MT707: %w", err)
		}
		add(m)
	}
	for i, p := range lc.Presentations {
		ref := short(fmt.Sprintf("%s-%d", lc.ID, i+1)) // field 20: 16x at most, so keep the distinctive tail
		amount := invoiceAmount(p, t.Amount)
		if m, err := discrepancyAdvice(t, p, ref); err != nil || m != nil {
			if err != nil {
				return nil, fmt.Errorf("MT750: %w", err)
			}
			add(m)
		}
		if m, err := dischargeAdvice(t, p, ref); err != nil || m != nil {
			if err != nil {
				return nil, fmt.Errorf("MT732: %w", err)
			}
			add(m)
		}
		if p.Refusal != nil {
			m, err := swift.MT734{Sender: t.IssuingBank, Receiver: t.AdvisingBank, Reference: ref, PresentingBankRef: short(p.ID),
				UtilisationDate: civil(p.Presentation.Date), Amount: &amount, Discrepancies: discrepancies(p.Refusal.Discrepancies),
				Disposal: []string{disposalCode(p.Refusal.Disposal)}}.Message()
			if err != nil {
				return nil, fmt.Errorf("MT734: %w", err)
			}
			add(m)
		}
		if p.Waiver != nil && p.Waiver.Accepted {
			m, err := swift.Advice{Type: "752", Sender: t.IssuingBank, Receiver: t.AdvisingBank, Reference: short(t.Number), RelatedReference: short(p.ID),
				Identification: "REMITTED", AdviceDate: civil(p.Waiver.Date), Principal: &amount}.Message()
			if err != nil {
				return nil, fmt.Errorf("MT752: %w", err)
			}
			add(m)
		}
		if p.Honoured && p.Undertaking != nil { // a usance credit: accepted or undertaken, paid at maturity
			m, err := undertakingAdvice(t, p, ref)
			if err != nil {
				return nil, fmt.Errorf("MT754: %w", err)
			}
			add(m)
			continue
		}
		if p.Honoured {
			m754, err := swift.Advice{Type: "754", Sender: cmp.Or(p.HonouredBy, t.AdvisingBank), Receiver: t.IssuingBank, Reference: ref, RelatedReference: short(t.Number),
				PaidOn: civil(p.HonouredOn), Paid: &amount}.Message()
			if err != nil {
				return nil, fmt.Errorf("MT754: %w", err)
			}
			m756, err := swift.Advice{Type: "756", Sender: t.IssuingBank, Receiver: t.AdvisingBank, Reference: ref, RelatedReference: short(t.Number),
				Principal: &amount, PaidOn: civil(p.HonouredOn), Paid: &amount}.Message()
			if err != nil {
				return nil, fmt.Errorf("MT756: %w", err)
			}
			add(m754, m756)
		}
	}
	reimbursement, err := confirmationMessages(lc)
	if err != nil {
		return nil, err
	}
	add(reimbursement...)
	return out, nil
}

// MT700 maps the credit's terms to the issue message's fields.
func MT700(lc *domain.LetterOfCredit) swift.MT700 {
	t := lc.Terms
	c := swift.MT700{
		Sender: t.IssuingBank, Receiver: t.AdvisingBank, FormOfCredit: "IRREVOCABLE", Number: short(t.Number),
		DateOfIssue: civil(lc.IssueDate), ApplicableRules: "UCP LATEST VERSION", ExpiryDate: civil(t.ExpiryDate),
		ExpiryPlace: upper(t.ExpiryPlace, 29), Applicant: party(t.Applicant), Beneficiary: party(t.Beneficiary), Amount: t.Amount,
		AvailableWithBIC: t.AdvisingBank, AvailableBy: "BY PAYMENT",
		PartialShipments: string(t.PartialShipments), Transhipment: string(t.Transhipment),
		PortOfLoading: upper(t.PortOfLoading, 65), PortOfDischarge: upper(t.PortOfDischarge, 65),
		LatestShipment: civil(t.LatestShipment), Goods: swift.Wrap(swift.ToX(strings.ToUpper(t.Goods.Description)), 65),
		Confirmation: confirmationCode(t),
	}
	if t.Tolerance != nil {
		c.HasTolerance, c.TolerancePlus, c.ToleranceMinus = true, int(t.Tolerance.PlusPct), int(t.Tolerance.MinusPct)
	}
	for _, d := range t.Documents {
		c.Documents = append(c.Documents, "+"+strings.ToUpper(strings.ReplaceAll(string(d), "_", " ")))
	}
	if t.PresentationPeriodDays > 0 {
		c.PresentationPeriod = fmt.Sprint(t.PresentationPeriodDays)
	}
	availability(&c, t)
	withConfirmationParty(&c, t)
	return c
}

func party(p domain.Party) []string {
	lines := swift.Wrap(swift.ToX(strings.ToUpper(p.Name+"\n"+p.Address)), 35)
	var out []string
	for _, l := range lines {
		if l != "" && len(out) < 4 {
			out = append(out, l)
		}
	}
	return out
}

func discrepancies(ds []domain.Discrepancy) []string {
	var out []string
	for i, d := range ds {
		for _, l := range swift.Wrap(swift.ToX(fmt.Sprintf("%d. %s: %s", i+1, d.Rule, d.Message)), 50) {
			if len(out) < 70 {
				out = append(out, l)
			}
		}
	}
	return out
}

func invoiceAmount(p domain.ExaminedPresentation, def money.Money) money.Money {
	for _, d := range p.Presentation.Documents {
		if d.Kind == domain.CommercialInvoice && d.Amount != nil && d.Amount.Currency == def.Currency {
			return *d.Amount
		}
	}
	return def
}

func civil(d domain.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	t, _ := time.Parse(time.DateOnly, d.String())
	return t
}

// short fits a reference into the 16 characters of fields 20 and 21.
func short(s string) string {
	s = swift.ToX(s)
	if len(s) > 16 {
		return s[len(s)-16:]
	}
	return s
}

func upper(s string, n int) string {
	s = swift.ToX(strings.ToUpper(s))
	if len(s) > n {
		return s[:n]
	}
	return s
}

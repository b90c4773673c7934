package swiftmap

import (
	"slices"
	"strings"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// availability sets the MT700's form (40A), availability (41a) and instructions (78) from the
// terms: BY PAYMENT with the advising bank when they state none (UCP 600 Art. 6(b)).
func availability(c *swift.MT700, t domain.Terms) {
	c.FormOfCredit, c.AvailableWithBIC, c.AvailableBy = string(t.FormOfCredit()), t.AvailableWith(), string(t.AvailableBy())
	if t.Instructions != "" {
		c.Instructions = lines(t.Instructions, 12, 65)
	}
}

// withUsanceFields adds to the rendered MT700 the fields of its usance and banks, each where the
// standard orders it: 42C, 42a, 42M, 42P after 41a; 53a after 49; 57a after 78. The swift
// package renders the rest; these follow its message as built.
func withUsanceFields(m *swift.Message, t domain.Terms) {
	a := t.Availability
	insertAfter(m, []string{"41A", "41D", "39A", "32B"},
		swift.Field{Tag: "42C", Value: strings.Join(lines(a.DraftsAt, 3, 35), "\r\n")}, swift.Field{Tag: "42A", Value: a.Drawee},
		swift.Field{Tag: "42M", Value: strings.Join(lines(a.MixedPaymentDetails, 4, 35), "\r\n")},
		swift.Field{Tag: "42P", Value: strings.Join(lines(a.DeferredPaymentDetails, 4, 35), "\r\n")})
	insertAfter(m, []string{"49"}, swift.Field{Tag: "53A", Value: t.ReimbursingBank})
	insertAfter(m, []string{"78", "53A", "49"}, swift.Field{Tag: "57A", Value: t.AdviseThroughBank})
}

// insertAfter puts the non-empty fields after the first of the tags the message has.
func insertAfter(m *swift.Message, after []string, fs ...swift.Field) {
	fs = slices.DeleteFunc(fs, func(f swift.Field) bool { return f.Value == "" })
	if len(fs) == 0 {
		return
	}
	at := len(m.Fields)
	for _, tag := range after {
		if i := slices.IndexFunc(m.Fields, func(f swift.Field) bool { return f.Tag == tag }); i >= 0 {
			at = i + 1
			break
		}
	}
	m.Fields = slices.Insert(m.Fields, at, fs...)
}

// undertakingAdvice is the MT754 of a usance presentation's honour: the amount accepted or
// undertaken in 32B (option B: nothing paid yet, so no value date), and in 77 what was undertaken
// and its maturity (network rule C2: 72Z or 77, not both). The payment at maturity is advised
// when made.
func undertakingAdvice(t domain.Terms, p domain.ExaminedPresentation, ref string) (*swift.Message, error) {
	u := p.Undertaking
	amount, err := swift.CurrencyAmount(invoiceAmount(p, t.Amount))
	if err != nil {
		return nil, err
	}
	what := "DEFERRED PAYMENT UNDERTAKING INCURRED " + swift.Date6(civil(u.On))
	if u.Kind == domain.AcceptedDraft {
		what = "DRAFT AT " + u.Tenor + " DRAWN ON " + u.Drawee + " ACCEPTED " + swift.Date6(civil(u.On))
	}
	m := &swift.Message{Sender: t.AdvisingBank, Receiver: t.IssuingBank, Type: "754", Input: true}
	m.Add("20", ref)
	m.Add("21", short(t.Number))
	m.Add("32B", amount)
	m.Add("77", strings.Join(lines(what+" MATURITY DATE "+swift.Date6(civil(u.MaturityDate)), 20, 35), "\r\n"))
	return m, nil
}

// lines wraps text in SWIFT's X character set into at most n lines of width.
func lines(text string, n, width int) []string {
	if text == "" {
		return nil
	}
	ls := swift.Wrap(swift.ToX(strings.ToUpper(text)), width)
	return ls[:min(len(ls), n)]
}

package swiftmap

import (
	"strings"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// availability sets the MT700's form (40A), availability (41a with 42C, 42a, 42M, 42P), banks
// (53a, 57a) and instructions (78) from the terms: BY PAYMENT with the advising bank when they
// state none (UCP 600 Art. 6(b)); 41D for a credit freely available with ANY BANK.
func availability(c *swift.MT700, t domain.Terms) {
	a := t.Availability
	c.FormOfCredit, c.AvailableBy = string(t.FormOfCredit()), string(t.AvailableBy())
	c.AvailableWithBIC = t.AvailableWith()
	if c.AvailableWithBIC == domain.AnyBank {
		c.AvailableWithBIC, c.AvailableWithName = "", []string{domain.AnyBank}
	}
	c.DraftsAt, c.MixedPayment, c.DeferredPayment = lines(a.DraftsAt, 3, 35), lines(a.MixedPaymentDetails, 4, 35), lines(a.DeferredPaymentDetails, 4, 35)
	c.Drawee, c.ReimbursingBank, c.AdviseThrough = bank(a.Drawee), bank(t.ReimbursingBank), bank(t.AdviseThroughBank)
	c.Instructions = lines(t.Instructions, 12, 65)
}

// bank is a bank field in option A (its BIC); nil when the terms name none.
func bank(bic string) *swift.Party {
	if bic == "" {
		return nil
	}
	return &swift.Party{Option: "A", BIC: bic}
}

// undertakingAdvice is the MT754 of a usance presentation's honour: the amount accepted or
// undertaken in 32a option B (nothing paid yet, so no value date), and in 77 what was undertaken
// and its maturity (network rule C2: 72Z or 77, not both). The payment at maturity is advised
// when made.
func undertakingAdvice(t domain.Terms, p domain.ExaminedPresentation, ref string) (*swift.Message, error) {
	u := p.Undertaking
	amount, err := swift.CurrencyAmount(p.Undertaken(invoiceAmount(p, t.Amount)))
	if err != nil {
		return nil, err
	}
	what := "DEFERRED PAYMENT UNDERTAKING INCURRED " + swift.Date6(civil(u.On))
	if u.Kind == domain.AcceptedDraft {
		what = "DRAFT DRAWN ON " + u.Drawee + ", " + u.Tenor + ", ACCEPTED " + swift.Date6(civil(u.On))
	}
	m := &swift.Message{Sender: t.AdvisingBank, Receiver: t.IssuingBank, Type: "754", Input: true}
	m.Add("20", ref)
	m.Add("21", short(t.Number))
	m.Add("32B", amount)
	m.Add("77", strings.Join(append(lines(what, 19, 35), "MATURITY DATE "+swift.Date6(civil(u.MaturityDate))), "\r\n"))
	return m, swift.Validate(m)
}

// lines wraps text in SWIFT's X character set into at most n lines of width (nil for none).
func lines(text string, n, width int) []string {
	if text == "" {
		return nil
	}
	ls := swift.Wrap(swift.ToX(strings.ToUpper(text)), width)
	return ls[:min(len(ls), n)]
}

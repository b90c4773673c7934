package domain

import "github.com/tradefin/tradefin/events/identity"

// The changes to a credit beside the trade's path: an irrevocable credit is amended or cancelled
// only by the issuing bank's proposal and with the beneficiary's consent (UCP 600 Art. 10(a)).
const (
	Amend        Action = "amend"               // issuing bank, trade officer (MT707)
	AnswerAmend  Action = "amendment-answer"    // beneficiary: accept all or nothing (Art. 10(c), 10(e))
	AdviseAmend  Action = "amendment-advice"    // advising bank: advises the amendment (Art. 9(d))
	Cancel       Action = "cancel"              // issuing bank, trade officer
	AnswerCancel Action = "cancellation-answer" // beneficiary: consent or keep the credit
)

// CreditChanges are the amendment and cancellation steps a is offered on credit c. Proposals
// are offered only while the credit is live (issued, advised, accepted or after a refusal) and
// none of their kind awaits the beneficiary's answer; the LC service still decides each.
func CreditChanges(a identity.Actor, c Credit) []Action {
	live := c.Status == "ISSUED" || c.Status == "ADVISED" || c.Status == "ACCEPTED" || c.Status == "REFUSED"
	if !live || a.IsAuditor() {
		return nil
	}
	issuer := a.Acts(identity.Bank, c.IssuingBank, identity.RoleTradeOfficer)
	beneficiary := a.Is(identity.Trader, c.Beneficiary)
	var out []Action
	add := func(ok bool, act Action) {
		if ok {
			out = append(out, act)
		}
	}
	add(issuer && !c.AmendmentProposed, Amend)
	add(a.Acts(identity.Bank, c.AdvisingBank, identity.RoleTradeOfficer) && c.AmendmentToAdvise, AdviseAmend)
	add(beneficiary && c.AmendmentProposed && !c.AmendmentToAdvise, AnswerAmend)
	add(issuer && !c.CancellationProposed, Cancel)
	add(beneficiary && c.CancellationProposed, AnswerCancel)
	return out
}

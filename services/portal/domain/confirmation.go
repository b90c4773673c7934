package domain

import "github.com/tradefin/tradefin/events/identity"

// The confirming bank's desk (UCP 600 Art. 8): the bank the credit asks to confirm (MT700 58a,
// else the advising bank, when 49 is CONFIRM or MAY ADD) adds its confirmation, and claims
// reimbursement of each presentation it honoured under it (Art. 8(c)).
const (
	Confirm            Action = "confirm"             // the confirming bank (Art. 8(b))
	ClaimReimbursement Action = "reimbursement-claim" // the confirming bank, after its honour (Art. 8(c))
)

// ConfirmationActions are the confirming bank's steps on the credit: confirm while the credit is
// live and not yet confirmed; claim for a presentation it honoured and has not claimed for.
func ConfirmationActions(a identity.Actor, c Credit) []Action {
	if c.ConfirmingBank == "" || !a.Acts(identity.Bank, c.ConfirmingBank, identity.RoleTradeOfficer) {
		return nil
	}
	var out []Action
	switch c.Status {
	case "ISSUED", "ADVISED", "ACCEPTED", "REFUSED":
		if !c.Confirmed {
			out = append(out, Confirm)
		}
	}
	if c.Claimable(c.ConfirmingBank) != "" {
		out = append(out, ClaimReimbursement)
	}
	return out
}

// Claimable is the presentation the confirming bank honoured and has not yet claimed for ("":
// none).
func (c Credit) Claimable(confirmer string) string {
	if !c.Confirmed {
		return ""
	}
	for _, p := range c.Presentations {
		if p.Honoured && p.HonouredBy == confirmer && !p.Claimed {
			return p.ID
		}
	}
	return ""
}

package domain

import "github.com/tradefin/tradefin/events/identity"

// confirmerRule is the refusal of the confirming bank's actions to anyone else.
const confirmerRule = "only a trade officer of the bank the credit asks to confirm (MT700 49, 58a; the advising bank when 58a is absent) confirms it and claims reimbursement (UCP 600 Art. 8)"

// confirmer: a acts as a trade officer of the bank the credit asks to confirm, or of the bank
// that confirmed it. The confirming bank's place in the credit is its role: a bank's users hold
// trade-officer, and what they may do follows from where their bank stands in the credit.
func confirmer(a identity.Actor, lc *LetterOfCredit) bool {
	bank := lc.Terms.ConfirmingBank()
	if lc.Confirmation != nil {
		bank = lc.Confirmation.By
	}
	return bank != "" && a.Acts(identity.Bank, bank, identity.RoleTradeOfficer)
}

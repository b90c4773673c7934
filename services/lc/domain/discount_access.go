package domain

import "github.com/tradefin/tradefin/events/identity"

// discounter: a trade officer of the bank the credit is available with, or of its confirming
// bank, may ask to discount an undertaking; DiscountUndertaking checks it is the presentation's
// nominated bank and not the issuing bank (UCP 600 Art. 12(b)).
func discounter(a identity.Actor, lc *LetterOfCredit) bool {
	return a.Acts(identity.Bank, lc.Terms.AvailableWith(), identity.RoleTradeOfficer) || confirmer(a, lc)
}

const discounterRule = "only a trade officer of the nominated bank (41a's, or the confirming bank) prepays or purchases an undertaking (UCP 600 Art. 12(b))"

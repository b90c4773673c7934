package store

import (
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// discounted is lc.undertaking_discounted.v1 for the nominated bank's discount of a usance
// presentation's undertaking (UCP 600 Art. 12(b)): settlement pays the proceeds now and the face
// to the nominated bank at maturity.
func discounted(lc *domain.LetterOfCredit, e domain.UndertakingDiscounted, by identity.Stamp) any {
	d := e.Discount
	out := contracts.LCUndertakingDiscounted{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, PresentationID: e.PresentationID,
		NominatedBank: d.By, Proceeds: d.Proceeds, Face: d.Face, DiscountedOn: d.On.String(), Drawing: lc.DrawingRef(e.PresentationID),
		AdvisingBank: lc.Terms.AdvisingBank, Beneficiary: lc.Terms.Beneficiary.Name, BeneficiaryAccount: lc.Terms.BeneficiaryAccount}
	if u := undertakingOf(lc, e.PresentationID); u != nil {
		out.MaturityDate, out.PayableAt = u.MaturityDate.String(), instant(u.PayableAt)
	}
	return out
}

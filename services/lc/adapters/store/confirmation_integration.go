package store

import (
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// confirmationEvent is what the other contexts learn of a confirmation event (nil: nothing).
func confirmationEvent(lc *domain.LetterOfCredit, e domain.Event, by identity.Stamp) any {
	switch e := e.(type) {
	case domain.Confirmed:
		return contracts.LCConfirmed{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, ConfirmingBank: e.By, ConfirmedOn: e.On.String()}
	case domain.ReimbursementClaimed:
		c := e.Claim
		claim := contracts.LCReimbursementClaimed{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, PresentationID: c.PresentationID,
			Amount: c.Amount, ClaimingBank: c.By, IssuingBank: lc.Terms.IssuingBank}
		if c.From != lc.Terms.IssuingBank {
			claim.ReimbursingBank = c.From
		}
		return claim
	}
	return nil
}

// confirmerStamp is who honoured under a confirmation: the request's actor when it is the
// confirming bank's, else that bank's automatic examination (the rules decided at once).
func confirmerStamp(a identity.Actor, confirmer domain.BIC) identity.Stamp {
	if a.Is(identity.Bank, confirmer) {
		return a.Stamp()
	}
	return identity.Stamp{Org: confirmer, User: "automatic-examination", Client: "tradefin-lc"}
}

// undertakingOf is the usance undertaking incurred at the presentation's honour (nil: none).
func undertakingOf(lc *domain.LetterOfCredit, presentationID string) *domain.Undertaking {
	if p := lc.PresentationByID(presentationID); p != nil {
		return p.Undertaking
	}
	return nil
}

package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// PresentDocuments presents documents under a credit; the bank examines them at once, on the
// banking calendar of the credit's place for presentation (the bank's, not the presenter's).
type PresentDocuments struct {
	CreditID, PresentationID string
	Presentation             domain.Presentation
}

// PresentDocumentsHandler handles it.
type PresentDocumentsHandler struct {
	Repo   Repository
	Policy domain.Policy
	Clock  Clock
}

// Handle examines and records the outcome (honour, or refusal pending waiver); after the
// credit's presentable-until instant it is refused.
func (h PresentDocumentsHandler) Handle(ctx context.Context, c PresentDocuments) (domain.Examination, error) {
	var res domain.Examination
	_, err := updateAs(ctx, h.Repo, c.CreditID, domain.ActPresent, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		var err error
		if res, err = lc.Present(c.PresentationID, c.Presentation, h.Clock.now(), h.Policy); err != nil {
			return err
		}
		return lc.Undertake(h.Policy) // a usance credit's honour is an undertaking to pay at maturity
	})
	return res, err
}

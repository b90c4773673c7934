package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// PresentDocuments presents documents under a credit to a bank (the issuing bank unless
// Presentation.Bank names the nominated one). The bank stamps the receipt at its clock, on its
// calendar, and queues the examination for its examiner.
type PresentDocuments struct {
	CreditID, PresentationID string
	Presentation             domain.Presentation
}

// DocumentRegistry is what the service knows of the documents customs registered per trade.
type DocumentRegistry interface {
	Of(ctx context.Context, tradeID string) (domain.RegisteredDocuments, error)
}

// PresentDocumentsHandler handles it.
type PresentDocumentsHandler struct {
	Repo      Repository
	Policy    domain.Policy
	Clock     Clock
	Documents DocumentRegistry // nil: none registered
}

// Handle examines the presentation automatically against the trade's registered documents and
// queues it; after the credit's presentable-until instant it is refused.
func (h PresentDocumentsHandler) Handle(ctx context.Context, c PresentDocuments) (domain.Examination, error) {
	var res domain.Examination
	_, err := updateAs(ctx, h.Repo, c.CreditID, domain.ActPresent, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		reg, err := registeredFor(ctx, h.Documents, lc.TradeID)
		if err != nil {
			return err
		}
		res, err = lc.Present(c.PresentationID, c.Presentation, h.Clock.now(), h.Policy, reg)
		return err
	})
	return res, err
}

// registeredFor is the trade's documents registered with customs (none without a registry).
func registeredFor(ctx context.Context, docs DocumentRegistry, tradeID string) (domain.RegisteredDocuments, error) {
	if docs == nil {
		return nil, nil
	}
	return docs.Of(ctx, tradeID)
}

package command

import (
	"context"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// reliedOn returns the document with that SHA-256 that the actor may rely on in a declaration
// or bill of lading of trade file f (tradeID). A document the actor may not see is answered
// exactly as one never registered, so that fingerprints cannot be probed.
func reliedOn(ctx context.Context, repo Repository, actor identity.Actor, tradeID string, f domain.TradeFile, field, sha string) (*domain.Document, error) {
	notRegistered := &domain.FieldError{Field: field, Reason: fmt.Sprintf("no document registered with SHA-256 %.64s", sha)}
	doc, err := repo.Document(ctx, sha)
	if err != nil {
		var nf *domain.NotFound
		if errors.As(err, &nf) {
			return nil, notRegistered
		}
		return nil, err
	}
	if doc.TradeID != tradeID {
		if f, err = repo.TradeFile(ctx, doc.TradeID); err != nil {
			return nil, err
		}
	}
	if domain.Authorize(actor, domain.ActRelyOnDocument, f.Document(doc)) != nil {
		return nil, notRegistered
	}
	if doc.TradeID != tradeID {
		return nil, &domain.FieldError{Field: field, Reason: "registered for another trade"}
	}
	return doc, nil
}

// Package inbox handles the integration events the LC service consumes, each exactly once
// through the event store's inbox (HandleOnce): what it records and the inbox mark commit together.
package inbox

import (
	"context"
	"fmt"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Consumer is the inbox consumer name.
const Consumer = "lc.customs-documents"

// Documents learns the documents customs registered for each trade, with their SHA-256, from
// customs.document_registered.v1 and customs.bill_of_lading_issued.v1 (the carrier's B/L): the
// bank examines a presentation against them (domain.RegisteredDocuments). Customs takes documents
// on a trade from its credit's parties only, so its events are the registry. What can never be
// handled (a message over its bound, one that does not decode, an event about another trade than
// its subject, a malformed fingerprint) is a permanent error, for the poison topic; anything else
// is returned to be retried.
type Documents struct{ Store eventstore.Store }

// Handle is a Watermill NoPublishHandlerFunc.
func (h Documents) Handle(msg *message.Message) error {
	env, err := eventbus.Decode(msg)
	if err != nil {
		return err
	}
	var tradeID string
	var d domain.RegisteredDocument
	switch e := env.Data.(type) {
	case *contracts.DocumentRegistered:
		tradeID, d = e.TradeID, domain.RegisteredDocument{SHA256: e.SHA256, Kind: domain.DocumentKind(e.Kind)}
	case *contracts.BillOfLadingIssued:
		tradeID, d = e.TradeID, domain.RegisteredDocument{SHA256: e.SHA256, Kind: domain.BillOfLading}
	default:
		return nil // another customs event: not ours
	}
	if tradeID != env.TradeID {
		return fmt.Errorf("%w: %s is about trade %.64q, its subject %q", contracts.ErrMalformed, env.ID, tradeID, env.TradeID)
	}
	if !domain.ValidSHA256(d.SHA256) || len(d.Kind) > 64 {
		return fmt.Errorf("%w: %s: document %.64q of kind %.64q", contracts.ErrMalformed, env.ID, d.SHA256, d.Kind)
	}
	_, err = h.Store.HandleOnce(msg.Context(), Consumer, env.ID, func(ctx context.Context, tx eventstore.Tx) error {
		return store.RegisterDocument(ctx, tx, tradeID, env.ID, d)
	})
	return err
}

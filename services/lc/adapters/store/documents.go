package store

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The LC service's read model of the documents customs registered for each trade (its own
// copy, fed by customs' events through the inbox: services own their state). One stream per
// trade ("lcdocs-<trade ID>"), one event per registered document.

// MaxRegisteredDocuments bounds one trade's registered documents: far more than a trade has.
const MaxRegisteredDocuments = 500

// documentRegisteredRecord is one registered document (version 1).
type documentRegisteredRecord struct {
	TradeID  string                   `json:"tradeId"`
	Document registeredDocumentRecord `json:"document"`
	Source   string                   `json:"source"` // the customs event's ID
}

func documentsStream(tradeID string) string { return "lcdocs-" + tradeID }

// RegisterDocument records, in tx, that customs registered d for trade tradeID (event sourceID).
// A fingerprint already registered for the trade changes nothing.
func RegisterDocument(ctx context.Context, tx eventstore.Tx, tradeID, sourceID string, d domain.RegisteredDocument) error {
	if err := contracts.CheckTradeID(tradeID); err != nil {
		return err
	}
	s := documentsStream(tradeID)
	evs, err := tx.ReadStream(ctx, s, 1)
	if err != nil {
		return err
	}
	reg, err := registered(evs)
	if err != nil {
		return err
	}
	if _, ok := reg[d.SHA256]; ok {
		return nil
	}
	if len(evs) >= MaxRegisteredDocuments {
		return fmt.Errorf("%w: trade %s has %d registered documents already, at most %d", contracts.ErrMalformed, tradeID, len(evs), MaxRegisteredDocuments)
	}
	version := int64(len(evs))
	ev, err := formats.NewEvent(eventstore.EventID("lc", s, version+1), documentRegisteredRecord{TradeID: tradeID, Document: toRegisteredDocumentRecord(d), Source: sourceID},
		eventstore.Metadata{CorrelationID: tradeID, CausationID: sourceID})
	if err != nil {
		return err
	}
	_, err = tx.Append(ctx, s, version, []eventstore.NewEvent{ev})
	return err
}

// RegisteredDocuments reads the read model.
type RegisteredDocuments struct{ events eventstore.Store }

// NewRegisteredDocuments returns the read model kept in s.
func NewRegisteredDocuments(s eventstore.Store) RegisteredDocuments {
	return RegisteredDocuments{events: s}
}

// Of returns the documents registered for trade tradeID.
func (r RegisteredDocuments) Of(ctx context.Context, tradeID string) (domain.RegisteredDocuments, error) {
	evs, err := r.events.ReadStream(ctx, documentsStream(tradeID), 1)
	if err != nil {
		return nil, err
	}
	return registered(evs)
}

func registered(evs []eventstore.Event) (domain.RegisteredDocuments, error) {
	out := domain.RegisteredDocuments{}
	for _, e := range evs {
		v, err := formats.Decode(e)
		if err != nil {
			return nil, err
		}
		rec, ok := v.(documentRegisteredRecord)
		if !ok {
			return nil, fmt.Errorf("stream %s holds a %T", e.StreamID, v)
		}
		out[rec.Document.SHA256] = fromRegisteredDocumentRecord(rec.Document)
	}
	return out, nil
}

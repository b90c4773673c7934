package eventbus

import (
	"context"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// OutboxMessage is the outbox row of an integration event about tradeID, published by source and
// caused by the stored event eventID: the message carries the event's ID (so a retried forward
// republishes the same ID and the consumer's inbox drops it) and is keyed by the trade, so one
// trade's events stay in order on their partition.
func OutboxMessage(ctx context.Context, source, tradeID, eventID string, payload any) (eventstore.OutboxMessage, error) {
	msg, topic, err := Encode(ctx, source, tradeID, eventID, payload)
	if err != nil {
		return eventstore.OutboxMessage{}, err
	}
	return eventstore.OutboxMessage{ID: msg.UUID, Topic: topic, Key: tradeID, Payload: msg.Payload, Headers: msg.Metadata}, nil
}

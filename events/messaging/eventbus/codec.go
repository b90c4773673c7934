// Package eventbus carries the integration events of package contracts over Watermill: the
// CloudEvents-style envelope of a message (Encode, Decode) and the router every consumer runs.
package eventbus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/messaging/tracing"
)

// CloudEvents-style metadata keys (CloudEvents Kafka binding, with underscores).
const (
	HeaderID          = "ce_id"
	HeaderType        = "ce_type"
	HeaderSource      = "ce_source"
	HeaderTime        = "ce_time"
	HeaderSubject     = "ce_subject" // the trade ID
	HeaderSpecVersion = "ce_specversion"
)

// Encode builds the message for an event about tradeID, refusing what no consumer could take (a
// trade ID out of bounds, a payload over contracts.MaxMessageBytes). The message ID (and ce_id) is eventID
// when given (so an outbox retry republishes the same ID), else a new UUID. The trace context of
// ctx travels along.
func Encode(ctx context.Context, source, tradeID, eventID string, payload any) (*message.Message, string, error) {
	typ, ok := contracts.TypeName(payload)
	if !ok {
		return nil, "", fmt.Errorf("%w: %T is not an integration event", contracts.ErrUnknownType, payload)
	}
	if tradeID == "" {
		return nil, "", fmt.Errorf("%w: %s without a trade ID", contracts.ErrMalformed, typ)
	}
	if err := contracts.CheckTradeID(tradeID); err != nil {
		return nil, "", fmt.Errorf("%s: %w", typ, err)
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return nil, "", fmt.Errorf("encode %s: %w", typ, err)
	}
	if len(b) > contracts.MaxMessageBytes {
		return nil, "", fmt.Errorf("%w: %s has %d bytes, at most %d", contracts.ErrMalformed, typ, len(b), contracts.MaxMessageBytes)
	}
	if eventID == "" {
		eventID = watermill.NewUUID()
	}
	msg := message.NewMessage(eventID, b)
	msg.Metadata.Set(HeaderID, eventID)
	msg.Metadata.Set(HeaderType, typ)
	msg.Metadata.Set(HeaderSource, source)
	msg.Metadata.Set(HeaderTime, time.Now().UTC().Format(time.RFC3339Nano))
	msg.Metadata.Set(HeaderSubject, tradeID)
	msg.Metadata.Set(HeaderSpecVersion, "1.0")
	msg.Metadata.Set(kafkapubsub.PartitionKeyMetadata, tradeID)
	msg.SetContext(ctx)
	tracing.Inject(msg)
	return msg, contracts.Topic(typ), nil
}

// Decode reads an integration event from a message. An unknown type, a payload that does not
// decode or exceeds contracts.MaxMessageBytes, or a trade ID out of bounds gives
// contracts.ErrUnknownType, contracts.ErrMalformed or contracts.ErrBadTradeID with the message
// ID in the error.
func Decode(msg *message.Message) (contracts.Envelope, error) {
	if err := CheckSize(msg); err != nil {
		return contracts.Envelope{}, err
	}
	typ := msg.Metadata.Get(HeaderType)
	data, ok := contracts.NewPayload(typ)
	if !ok {
		return contracts.Envelope{}, fmt.Errorf("%w %q (message %s)", contracts.ErrUnknownType, typ, msg.UUID)
	}
	dec := json.NewDecoder(bytes.NewReader(msg.Payload))
	if err := dec.Decode(data); err != nil {
		return contracts.Envelope{}, fmt.Errorf("%w: %s (message %s): %v", contracts.ErrMalformed, typ, msg.UUID, err)
	}
	tradeID := msg.Metadata.Get(HeaderSubject)
	if tradeID == "" {
		return contracts.Envelope{}, fmt.Errorf("%w: %s (message %s) has no %s", contracts.ErrMalformed, typ, msg.UUID, HeaderSubject)
	}
	if err := contracts.CheckTradeID(tradeID); err != nil {
		return contracts.Envelope{}, fmt.Errorf("%s (message %s): %w", typ, msg.UUID, err)
	}
	at, err := time.Parse(time.RFC3339Nano, msg.Metadata.Get(HeaderTime))
	if err != nil {
		return contracts.Envelope{}, fmt.Errorf("%w: %s (message %s): bad %s: %v", contracts.ErrMalformed, typ, msg.UUID, HeaderTime, err)
	}
	return contracts.Envelope{ID: msg.Metadata.Get(HeaderID), Type: typ, Source: msg.Metadata.Get(HeaderSource), Time: at, TradeID: tradeID, Data: data}, nil
}

// CheckSize refuses a message whose payload exceeds contracts.MaxMessageBytes (a contract
// bound: such a message can never be handled, so it is poisoned rather than retried).
func CheckSize(msg *message.Message) error {
	if n := len(msg.Payload); n > contracts.MaxMessageBytes {
		return fmt.Errorf("%w: message %s has %d bytes, at most %d", contracts.ErrMalformed, msg.UUID, n, contracts.MaxMessageBytes)
	}
	return nil
}

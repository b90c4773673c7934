package contracts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/kafkapubsub"
	"github.com/tradefin/tradefin/events/tracing"
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

// Decoding failures. Both are permanent: the router sends such a message to the poison topic.
var (
	ErrUnknownType = errors.New("unknown event type")
	ErrMalformed   = errors.New("malformed event")
)

// ErrConflict is an event that contradicts what its consumer recorded (the same payment ID with
// other terms): permanent, so it goes to the poison topic with the reason for an operator, never
// retried into silence nor absorbed as handled.
var ErrConflict = errors.New("event conflicts with recorded state")

// Envelope is a decoded integration event.
type Envelope struct {
	ID      string
	Type    string
	Source  string // the publishing service, e.g. "/tradefin/lc"
	Time    time.Time
	TradeID string
	Data    any // a pointer to the contract struct, e.g. *LCHonoured
}

// Encode builds the message for an event about tradeID. The message ID (and ce_id) is eventID
// when given (so an outbox retry republishes the same ID), else a new UUID. The trace context of
// ctx travels along.
func Encode(ctx context.Context, source, tradeID, eventID string, payload any) (*message.Message, string, error) {
	typ, ok := TypeName(payload)
	if !ok {
		return nil, "", fmt.Errorf("%w: %T is not an integration event", ErrUnknownType, payload)
	}
	if tradeID == "" {
		return nil, "", fmt.Errorf("%w: %s without a trade ID", ErrMalformed, typ)
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return nil, "", fmt.Errorf("encode %s: %w", typ, err)
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
	return msg, Topic(typ), nil
}

// Decode reads an integration event from a message. An unknown type or a payload that does
// not decode gives ErrUnknownType or ErrMalformed with the message ID in the error.
func Decode(msg *message.Message) (Envelope, error) {
	typ := msg.Metadata.Get(HeaderType)
	t, ok := types[typ]
	if !ok {
		return Envelope{}, fmt.Errorf("%w %q (message %s)", ErrUnknownType, typ, msg.UUID)
	}
	data := reflect.New(t).Interface()
	dec := json.NewDecoder(bytes.NewReader(msg.Payload))
	if err := dec.Decode(data); err != nil {
		return Envelope{}, fmt.Errorf("%w: %s (message %s): %v", ErrMalformed, typ, msg.UUID, err)
	}
	tradeID := msg.Metadata.Get(HeaderSubject)
	if tradeID == "" {
		return Envelope{}, fmt.Errorf("%w: %s (message %s) has no %s", ErrMalformed, typ, msg.UUID, HeaderSubject)
	}
	at, err := time.Parse(time.RFC3339Nano, msg.Metadata.Get(HeaderTime))
	if err != nil {
		return Envelope{}, fmt.Errorf("%w: %s (message %s): bad %s: %v", ErrMalformed, typ, msg.UUID, HeaderTime, err)
	}
	return Envelope{ID: msg.Metadata.Get(HeaderID), Type: typ, Source: msg.Metadata.Get(HeaderSource), Time: at, TradeID: tradeID, Data: data}, nil
}

// IsPermanent reports whether a handler error can never succeed on retry (a decoding failure, a
// conflict with recorded state).
func IsPermanent(err error) bool {
	return errors.Is(err, ErrUnknownType) || errors.Is(err, ErrMalformed) || errors.Is(err, ErrConflict)
}

// Package eventstore is the contract of tradefin's event store: streams of events appended
// with optimistic concurrency, a global order for projections, snapshots, and a transactional
// outbox for the integration messages that leave with the events. Backends live in
// subpackages (sqlstore: SQLite and PostgreSQL); eventstoretest is the conformance suite every
// backend passes.
package eventstore

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Expected versions with a meaning of their own. Any other value n ≥ 1 means "the stream's
// last event is version n". There is no default: callers always say what they expect.
const (
	ExpectNoStream int64 = 0  // the stream must not exist yet
	ExpectAny      int64 = -1 // no concurrency check (use sparingly: it gives up the protection)
)

// Limits that keep one bad caller from hurting everyone.
const (
	MaxStreamIDLength = 200
	MaxEventSize      = 1 << 20 // 1 MiB of payload per event
)

// Metadata travels with each event.
type Metadata struct {
	CorrelationID string            `json:"correlationId,omitempty"`
	CausationID   string            `json:"causationId,omitempty"`
	Actor         string            `json:"actor,omitempty"`
	TraceParent   string            `json:"traceparent,omitempty"` // W3C trace context
	Extra         map[string]string `json:"extra,omitempty"`
}

// NewEvent is an event to append.
type NewEvent struct {
	ID            string // unique; the idempotency key of the event
	Type          string // explicit, stable name, e.g. "lc.LetterOfCreditIssued" — never a Go type name
	SchemaVersion int    // version of Data's schema, for upcasting old events
	Data          []byte // JSON
	Metadata      Metadata
}

// Event is a recorded event.
type Event struct {
	StreamID      string
	Version       int64 // 1-based within the stream
	Position      int64 // global, increasing in commit order
	ID            string
	Type          string
	SchemaVersion int
	Data          []byte
	Metadata      Metadata
	RecordedAt    time.Time
}

// OutboxMessage is an integration message written in the same transaction as the events.
type OutboxMessage struct {
	ID      string // message ID (the consumer's inbox key)
	Topic   string
	Key     string // partition key: the trade ID
	Payload []byte
	Headers map[string]string
}

// PendingMessage is an outbox message not yet published.
type PendingMessage struct {
	Seq int64
	OutboxMessage
}

// Snapshot is an aggregate's state at a version, so loading need not replay the whole stream.
type Snapshot struct {
	StreamID string
	Version  int64
	Data     []byte
}

// Store is the event store.
type Store interface {
	// Append adds events (and outbox messages) atomically if the stream is at expected, and
	// returns the stream's new version.
	Append(ctx context.Context, streamID string, expected int64, events []NewEvent, outbox ...OutboxMessage) (int64, error)
	// ReadStream returns the stream's events with version ≥ from, in order.
	ReadStream(ctx context.Context, streamID string, from int64) ([]Event, error)
	// ReadAll returns up to limit events with position > after, in position order.
	ReadAll(ctx context.Context, after int64, limit int) ([]Event, error)
	SaveSnapshot(ctx context.Context, s Snapshot) error
	// LoadSnapshot returns the stream's latest snapshot, if any.
	LoadSnapshot(ctx context.Context, streamID string) (Snapshot, bool, error)
	// PendingOutbox returns up to limit unsent outbox messages in the order they were written.
	PendingOutbox(ctx context.Context, limit int) ([]PendingMessage, error)
	// MarkSent records that outbox messages were published.
	MarkSent(ctx context.Context, seqs ...int64) error
	// HandleOnce runs fn in a transaction only if consumer has not handled messageID yet, and
	// records it as handled in the same transaction (the inbox). It reports whether fn ran.
	HandleOnce(ctx context.Context, consumer, messageID string, fn func(ctx context.Context, tx Tx) error) (bool, error)
	Close() error
}

// Tx is what an inbox handler may do inside the inbox's transaction.
type Tx interface {
	Append(ctx context.Context, streamID string, expected int64, events []NewEvent, outbox ...OutboxMessage) (int64, error)
	ReadStream(ctx context.Context, streamID string, from int64) ([]Event, error)
}

// ErrConcurrencyConflict: the stream was not at the expected version. Reload and retry.
var ErrConcurrencyConflict = errors.New("concurrency conflict")

// ErrInvalid: the request itself is wrong (empty stream ID, no events, oversized payload, ...).
var ErrInvalid = errors.New("invalid append")

// ErrDuplicateEvent: an event with this ID was already appended.
var ErrDuplicateEvent = errors.New("duplicate event ID")

// ConflictError says what the stream's version really was.
type ConflictError struct {
	StreamID         string
	Expected, Actual int64
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("stream %q: expected version %d, found %d: %v", e.StreamID, e.Expected, e.Actual, ErrConcurrencyConflict)
}
func (e *ConflictError) Unwrap() error { return ErrConcurrencyConflict }

// Validate checks an append request before any I/O.
func Validate(streamID string, expected int64, events []NewEvent) error {
	var errs []error
	if streamID == "" || len(streamID) > MaxStreamIDLength {
		errs = append(errs, fmt.Errorf("stream ID must be 1 to %d bytes", MaxStreamIDLength))
	}
	if expected < ExpectAny {
		errs = append(errs, fmt.Errorf("expected version %d is not valid", expected))
	}
	if len(events) == 0 {
		errs = append(errs, errors.New("no events to append"))
	}
	for i, e := range events {
		switch {
		case e.ID == "":
			errs = append(errs, fmt.Errorf("event %d: ID is required", i))
		case e.Type == "":
			errs = append(errs, fmt.Errorf("event %d: type is required", i))
		case len(e.Data) > MaxEventSize:
			errs = append(errs, fmt.Errorf("event %d: %d bytes of data exceed %d", i, len(e.Data), MaxEventSize))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}

// Package aggregate is the event-sourced repository written once for every service: it loads an
// aggregate from its latest snapshot (if any) and the events after it, appends what a decision
// recorded together with its outbox messages in one transaction, and on an optimistic-
// concurrency conflict runs the decision again on fresh state. A service describes its aggregate
// in a Spec (stream names, stored formats, how events fold into state); the decisions stay in
// its domain.
package aggregate

import (
	"context"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// Record is a stored format of a domain event of type E: a record type with JSON tags,
// registered in Spec.Formats, that maps back to the domain event it stores.
type Record[E any] interface{ Event() E }

// Spec describes how one kind of aggregate A with domain events E is stored.
type Spec[A, E any] struct {
	// Service names the event ID namespace (eventstore.EventID): streams of different services
	// never share IDs.
	Service string
	// Stream is the stream ID of the aggregate with ID id.
	Stream func(id string) string
	// Formats holds the stored record types, each a Record[E].
	Formats *eventstore.Registry
	// ToRecord maps a domain event to its stored record.
	ToRecord func(E) (Record[E], error)
	// New returns the state before the first event.
	New func() A
	// Fold applies stored events, oldest first, to state and returns the new state; version is
	// the stream version of the last of them.
	Fold func(state A, events []E, version int64) A
	// Changes are the events the last decision recorded, not yet stored.
	Changes func(A) []E
	// Saved, if set, is told that the changes are stored and the stream is now at version.
	Saved func(agg A, version int64)
	// Outbox, if set, returns the integration messages an event publishes (none: nil). eventID
	// is the stored event's ID, which its messages should carry so a consumer's inbox drops a
	// republished copy.
	Outbox func(ctx context.Context, agg A, e E, eventID string) ([]eventstore.OutboxMessage, error)
	// Metadata, if set, returns what travels with each stored event (correlation, actor).
	Metadata func(ctx context.Context, agg A, e E) (eventstore.Metadata, error)
	// Snapshots, if set, stores the state every so many events, so loading replays only the tail.
	Snapshots *Snapshots[A]
	// Retries is how often Update runs the decision again after a conflict (0: 3).
	Retries int
}

// Snapshots says how to store an aggregate's state.
type Snapshots[A any] struct {
	// Every is how many events apart snapshots are taken (at versions that are multiples of it).
	Every int64
	// Version is the snapshot format's version; a snapshot of another version is ignored and
	// the stream replayed in full, so changing the state's shape needs no migration.
	Version int
	Encode  func(A) ([]byte, error)
	Decode  func([]byte) (A, error)
}

func (s Spec[A, E]) retries() int {
	if s.Retries > 0 {
		return s.Retries
	}
	return 3
}

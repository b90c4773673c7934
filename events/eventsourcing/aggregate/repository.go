package aggregate

import (
	"context"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// ErrNotFound: the aggregate's stream has no events.
var ErrNotFound = errors.New("aggregate not found")

// Streams is the part of the event store a repository needs. Both eventstore.Store and an inbox
// transaction (eventstore.Tx) have it, so an aggregate changed by an integration event is saved
// in the transaction that marks the message handled.
type Streams interface {
	Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error)
	ReadStream(ctx context.Context, streamID string, from int64) ([]eventstore.Event, error)
}

// snapshotStore is what snapshots need beyond Streams (a Store has it, an inbox Tx does not:
// there the repository replays the whole stream).
type snapshotStore interface {
	SaveSnapshot(ctx context.Context, s eventstore.Snapshot) error
	LoadSnapshot(ctx context.Context, streamID string) (eventstore.Snapshot, bool, error)
}

// Repository loads and saves aggregates of one Spec on an event store.
type Repository[A, E any] struct {
	spec    *Spec[A, E]
	streams Streams
}

// New returns a repository of spec's aggregates on streams.
func New[A, E any](spec *Spec[A, E], streams Streams) Repository[A, E] {
	return Repository[A, E]{spec: spec, streams: streams}
}

// Stream is the stream ID of the aggregate with ID id.
func (r Repository[A, E]) Stream(id string) string { return r.spec.Stream(id) }

// Load returns the aggregate and its stream's version; a stream with no events is ErrNotFound.
func (r Repository[A, E]) Load(ctx context.Context, id string) (A, int64, error) {
	stream := r.spec.Stream(id)
	state, version, err := r.fromSnapshot(ctx, stream)
	if err != nil {
		return state, 0, err
	}
	evs, err := r.streams.ReadStream(ctx, stream, version+1)
	if err != nil {
		return state, 0, err
	}
	if len(evs) == 0 && version == 0 {
		return state, 0, fmt.Errorf("%w: %s", ErrNotFound, stream)
	}
	history := make([]E, 0, len(evs))
	for _, e := range evs {
		d, err := r.decode(e)
		if err != nil {
			return state, 0, err
		}
		history = append(history, d)
	}
	if len(evs) > 0 {
		version = evs[len(evs)-1].Version
	}
	return r.spec.Fold(state, history, version), version, nil
}

func (r Repository[A, E]) decode(e eventstore.Event) (E, error) {
	var zero E
	v, err := r.spec.Formats.Decode(e)
	if err != nil {
		return zero, err
	}
	rec, ok := v.(Record[E])
	if !ok {
		return zero, fmt.Errorf("%w: %s is stored as %T, which maps to no domain event", eventstore.ErrUnknownEventType, e.Type, v)
	}
	return rec.Event(), nil
}

// Decode maps a stored event of spec's aggregates to its domain event (for projections).
func (s *Spec[A, E]) Decode(e eventstore.Event) (E, error) {
	return Repository[A, E]{spec: s}.decode(e)
}

// Create stores a new aggregate's recorded events; a stream that already exists is
// eventstore.ErrConcurrencyConflict.
func (r Repository[A, E]) Create(ctx context.Context, id string, agg A) error {
	_, err := r.Save(ctx, id, agg, eventstore.ExpectNoStream)
	return err
}

// Update loads the aggregate, lets decide change it, and saves what it recorded. When another
// writer extended the stream meanwhile, the decision runs again on the fresh state: the rules
// are checked against what is really stored, never against a stale copy.
func (r Repository[A, E]) Update(ctx context.Context, id string, decide func(A) error) (A, error) {
	for attempt := 0; ; attempt++ {
		agg, version, err := r.Load(ctx, id)
		if err != nil {
			return agg, err
		}
		if err := decide(agg); err != nil {
			return agg, err
		}
		_, err = r.Save(ctx, id, agg, version)
		if errors.Is(err, eventstore.ErrConcurrencyConflict) && attempt < r.spec.retries() {
			continue
		}
		return agg, err
	}
}

// Save appends what agg recorded to its stream, expected at version expected, with the
// integration messages of those events in the same transaction; it returns the new version
// (expected, if nothing was recorded).
func (r Repository[A, E]) Save(ctx context.Context, id string, agg A, expected int64) (int64, error) {
	if expected == eventstore.ExpectAny {
		// Event IDs are the versions they claim, so the version must be known.
		return 0, fmt.Errorf("%w: an aggregate is saved at the version it was loaded at", eventstore.ErrInvalid)
	}
	changes := r.spec.Changes(agg)
	if len(changes) == 0 {
		return expected, nil
	}
	stream := r.spec.Stream(id)
	evs, out, err := r.encode(ctx, stream, agg, changes, expected)
	if err != nil {
		return 0, err
	}
	version, err := r.streams.Append(ctx, stream, expected, evs, out...)
	if errors.Is(err, eventstore.ErrDuplicateEvent) {
		// An event's ID is its stream version's: another writer took that version first.
		err = fmt.Errorf("%w: %w", eventstore.ErrConcurrencyConflict, err)
	}
	if err != nil {
		return 0, fmt.Errorf("save %s: %w", stream, err)
	}
	if r.spec.Saved != nil {
		r.spec.Saved(agg, version)
	}
	r.snapshot(ctx, stream, agg, expected, version)
	return version, nil
}

func (r Repository[A, E]) encode(ctx context.Context, stream string, agg A, changes []E, expected int64) ([]eventstore.NewEvent, []eventstore.OutboxMessage, error) {
	evs := make([]eventstore.NewEvent, 0, len(changes))
	var out []eventstore.OutboxMessage
	for i, c := range changes {
		rec, err := r.spec.ToRecord(c)
		if err != nil {
			return nil, nil, err
		}
		var md eventstore.Metadata
		if r.spec.Metadata != nil {
			if md, err = r.spec.Metadata(ctx, agg, c); err != nil {
				return nil, nil, err
			}
		}
		// The ID is a function of the stream and the version it claims: a retried save that lost
		// a race gets the winner's ID, and the store's duplicate check.
		id := eventstore.EventID(r.spec.Service, stream, expected+int64(i)+1)
		ev, err := r.spec.Formats.NewEvent(id, rec, md)
		if err != nil {
			return nil, nil, err
		}
		evs = append(evs, ev)
		if r.spec.Outbox != nil {
			msgs, err := r.spec.Outbox(ctx, agg, c, id)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, msgs...)
		}
	}
	return evs, out, nil
}

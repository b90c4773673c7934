// Package projection keeps read models caught up with the event store's global order. A
// Runner feeds a read model every event after its checkpoint, in position order, and moves the
// checkpoint on as each event is applied; it catches up on demand (so a query sees what its
// caller has just recorded) or follows the store in the background (eventstore.Subscribe).
// Because the store makes positions visible in commit order, "after the checkpoint" never skips
// an event that commits later with a lower position.
package projection

import (
	"context"
	"sync"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// Checkpoint keeps the position of the last event a read model applied. A read model kept in
// memory keeps it in memory (the default: after a restart both start from nothing); a persisted
// read model saves it in the same transaction as its own update, or the two drift apart.
type Checkpoint interface {
	Load(ctx context.Context) (int64, error)
	Save(ctx context.Context, position int64) error
}

// Runner feeds one read model. Its methods may be called from many goroutines: applying and
// reading the model are serialised under one lock.
type Runner struct {
	store      eventstore.Store
	apply      func(context.Context, eventstore.Event) error
	checkpoint Checkpoint
	batch      int

	mu       sync.Mutex
	loaded   bool
	position int64
}

// Option configures a Runner.
type Option func(*Runner)

// WithCheckpoint keeps the position in cp instead of in memory.
func WithCheckpoint(cp Checkpoint) Option { return func(r *Runner) { r.checkpoint = cp } }

// WithBatch reads n events per query while catching up (default 500).
func WithBatch(n int) Option { return func(r *Runner) { r.batch = max(n, 1) } }

// New returns a runner that applies every event of s to a read model with apply. An error from
// apply stops the catch-up at that event: the checkpoint stays before it, so it is retried.
func New(s eventstore.Store, apply func(context.Context, eventstore.Event) error, opts ...Option) *Runner {
	r := &Runner{store: s, apply: apply, batch: 500}
	for _, o := range opts {
		o(r)
	}
	return r
}

// Position is the position of the last event applied.
func (r *Runner) Position() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.position
}

// Read catches the read model up with everything committed so far, then runs query on it while
// no event is being applied.
func (r *Runner) Read(ctx context.Context, query func()) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.catchUp(ctx); err != nil {
		return err
	}
	query()
	return nil
}

// CatchUp applies every event committed so far.
func (r *Runner) CatchUp(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.catchUp(ctx)
}

func (r *Runner) catchUp(ctx context.Context) error {
	if err := r.load(ctx); err != nil {
		return err
	}
	for {
		evs, err := r.store.ReadAll(ctx, r.position, r.batch)
		if err != nil {
			return err
		}
		for _, e := range evs {
			if err := r.applyOne(ctx, e); err != nil {
				return err
			}
		}
		if len(evs) < r.batch {
			return nil
		}
	}
}

// Run follows the store until ctx ends, polling every interval once caught up. Read and CatchUp
// may run beside it.
func (r *Runner) Run(ctx context.Context, interval time.Duration) error {
	r.mu.Lock()
	err := r.load(ctx)
	from := r.position
	r.mu.Unlock()
	if err != nil {
		return err
	}
	return eventstore.Subscribe(ctx, r.store, from, interval, func(e eventstore.Event) error {
		r.mu.Lock()
		defer r.mu.Unlock()
		if e.Position <= r.position {
			return nil // a Read caught up past it meanwhile
		}
		return r.applyOne(ctx, e)
	})
}

func (r *Runner) load(ctx context.Context) error {
	if r.loaded {
		return nil
	}
	if r.checkpoint != nil {
		p, err := r.checkpoint.Load(ctx)
		if err != nil {
			return err
		}
		r.position = p
	}
	r.loaded = true
	return nil
}

func (r *Runner) applyOne(ctx context.Context, e eventstore.Event) error {
	if err := r.apply(ctx, e); err != nil {
		return err
	}
	if r.checkpoint != nil {
		if err := r.checkpoint.Save(ctx, e.Position); err != nil {
			return err
		}
	}
	r.position = e.Position
	return nil
}

package projection_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/memstore"
	"github.com/tradefin/tradefin/events/eventsourcing/projection"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
)

func stores(t *testing.T) map[string]eventstore.Store {
	s, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return map[string]eventstore.Store{"memory": memstore.New(), "sqlite": s}
}

var n int

func appendTo(t *testing.T, s eventstore.Store, stream string, count int) {
	t.Helper()
	evs := make([]eventstore.NewEvent, count)
	for i := range evs {
		n++
		evs[i] = eventstore.NewEvent{ID: fmt.Sprintf("e-%d", n), Type: "t", SchemaVersion: 1, Data: []byte(`{}`)}
	}
	if _, err := s.Append(t.Context(), stream, eventstore.ExpectAny, evs); err != nil {
		t.Fatal(err)
	}
}

// counts is the read model: events per stream.
type counts struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counts) apply(_ context.Context, e eventstore.Event) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[e.StreamID]++
	return nil
}

func (c *counts) get(stream string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[stream]
}

// memoryCheckpoint stands for a persisted one: it outlives the runner.
type memoryCheckpoint struct{ pos int64 }

func (m *memoryCheckpoint) Load(context.Context) (int64, error)   { return m.pos, nil }
func (m *memoryCheckpoint) Save(_ context.Context, p int64) error { m.pos = p; return nil }

// TestReadSeesWhatWasJustRecorded: a query through Read catches up first, across batches.
func TestReadSeesWhatWasJustRecorded(t *testing.T) {
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			model := &counts{n: map[string]int{}}
			r := projection.New(s, model.apply, projection.WithBatch(7))
			appendTo(t, s, "a", 20)
			appendTo(t, s, "b", 3)
			var a, b int
			if err := r.Read(t.Context(), func() { a, b = model.n["a"], model.n["b"] }); err != nil || a != 20 || b != 3 {
				t.Fatalf("read model a=%d b=%d, %v", a, b, err)
			}
			appendTo(t, s, "b", 1)
			if err := r.Read(t.Context(), func() { b = model.n["b"] }); err != nil || b != 4 || r.Position() != 24 {
				t.Fatalf("after one more: b=%d at position %d, %v; each event applied once", b, r.Position(), err)
			}
		})
	}
}

// TestRunFollowsTheStoreAndResumesFromItsCheckpoint: in the background the model keeps up with
// new events; a new runner on the same checkpoint continues where the old one stopped, without
// applying anything twice.
func TestRunFollowsTheStoreAndResumesFromItsCheckpoint(t *testing.T) {
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			model := &counts{n: map[string]int{}}
			cp := &memoryCheckpoint{}
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan error, 1)
			go func() {
				done <- projection.New(s, model.apply, projection.WithCheckpoint(cp)).Run(ctx, 5*time.Millisecond)
			}()
			appendTo(t, s, "c", 5)
			deadline := time.Now().Add(10 * time.Second)
			for model.get("c") < 5 && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) || model.get("c") != 5 {
				t.Fatalf("background runner applied %d of 5, ended with %v", model.get("c"), err)
			}
			appendTo(t, s, "c", 2)
			if err := projection.New(s, model.apply, projection.WithCheckpoint(cp)).CatchUp(t.Context()); err != nil || model.get("c") != 7 {
				t.Fatalf("resumed runner: c=%d, %v; want 7 (5 kept, 2 new)", model.get("c"), err)
			}
		})
	}
}

// TestAFailedEventIsRetried: the checkpoint stays before an event its model could not apply.
func TestAFailedEventIsRetried(t *testing.T) {
	s := memstore.New()
	appendTo(t, s, "d", 3)
	fail := true
	var applied []int64
	r := projection.New(s, func(_ context.Context, e eventstore.Event) error {
		if e.Position == 2 && fail {
			fail = false
			return errors.New("model unavailable")
		}
		applied = append(applied, e.Position)
		return nil
	})
	if err := r.CatchUp(t.Context()); err == nil || r.Position() != 1 {
		t.Fatalf("failing catch-up: %v at %d", err, r.Position())
	}
	if err := r.CatchUp(t.Context()); err != nil || fmt.Sprint(applied) != "[1 2 3]" {
		t.Fatalf("retry applied %v, %v", applied, err)
	}
}

// Package eventstoretest is the conformance suite every event store backend must pass.
package eventstoretest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// Backend opens a store; reopen opens the same database again (to prove durability).
type Backend struct {
	Open   func(t *testing.T) eventstore.Store
	Reopen func(t *testing.T) eventstore.Store
}

// Run runs every conformance test against the backend.
func Run(t *testing.T, b Backend) {
	t.Run("AppendAndReadStream", func(t *testing.T) { testAppendAndRead(t, b.Open(t)) })
	t.Run("ExpectedVersion", func(t *testing.T) { testExpectedVersion(t, b.Open(t)) })
	t.Run("ConcurrentAppendersOneWinnerPerVersion", func(t *testing.T) { testConcurrentAppenders(t, b.Open(t)) })
	t.Run("GlobalOrderUnderConcurrency", func(t *testing.T) { testGlobalOrder(t, b.Open(t)) })
	t.Run("CatchUpAfterRestart", func(t *testing.T) { testCatchUpAfterRestart(t, b) })
	t.Run("LargeStreamWithSnapshot", func(t *testing.T) { testLargeStream(t, b.Open(t)) })
	t.Run("BadInput", func(t *testing.T) { testBadInput(t, b.Open(t)) })
	t.Run("OutboxAndInbox", func(t *testing.T) { testOutboxAndInbox(t, b.Open(t)) })
}

var seq struct {
	sync.Mutex
	n int
}

func id(prefix string) string {
	seq.Lock()
	defer seq.Unlock()
	seq.n++
	return fmt.Sprintf("%s-%d-%d", prefix, time.Now().UnixNano(), seq.n)
}

func events(n int, typ string) []eventstore.NewEvent {
	out := make([]eventstore.NewEvent, n)
	for i := range out {
		out[i] = eventstore.NewEvent{ID: id("ev"), Type: typ, SchemaVersion: 1, Data: []byte(fmt.Sprintf(`{"n":%d}`, i)),
			Metadata: eventstore.Metadata{CorrelationID: "c-1", Actor: "tester", TraceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}}
	}
	return out
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

func testAppendAndRead(t *testing.T, s eventstore.Store) {
	c := ctx(t)
	stream := id("lc")
	v, err := s.Append(c, stream, eventstore.ExpectNoStream, events(3, "lc.Applied"))
	if err != nil || v != 3 {
		t.Fatalf("append = %d, %v", v, err)
	}
	got, err := s.ReadStream(c, stream, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Version != 2 || got[1].Version != 3 || string(got[1].Data) != `{"n":2}` {
		t.Fatalf("read from version 2: %+v", got)
	}
	e := got[0]
	if e.Type != "lc.Applied" || e.SchemaVersion != 1 || e.Metadata.Actor != "tester" || e.Metadata.TraceParent == "" || e.RecordedAt.IsZero() || e.Position == 0 {
		t.Fatalf("event fields lost: %+v", e)
	}
	if none, err := s.ReadStream(c, id("missing"), 1); err != nil || len(none) != 0 {
		t.Fatalf("unknown stream: %v, %v", none, err)
	}
}

func testExpectedVersion(t *testing.T, s eventstore.Store) {
	c := ctx(t)
	stream := id("lc")
	if _, err := s.Append(c, stream, 1, events(1, "x")); !errors.Is(err, eventstore.ErrConcurrencyConflict) {
		t.Fatalf("append at 1 to a new stream: %v", err)
	}
	if _, err := s.Append(c, stream, eventstore.ExpectNoStream, events(2, "x")); err != nil {
		t.Fatal(err)
	}
	_, err := s.Append(c, stream, eventstore.ExpectNoStream, events(1, "x"))
	var ce *eventstore.ConflictError
	if !errors.As(err, &ce) || ce.Actual != 2 || ce.Expected != 0 {
		t.Fatalf("append expecting no stream to an existing one: %v", err)
	}
	if v, err := s.Append(c, stream, 2, events(1, "x")); err != nil || v != 3 {
		t.Fatalf("append at the right version = %d, %v", v, err)
	}
	if v, err := s.Append(c, stream, eventstore.ExpectAny, events(1, "x")); err != nil || v != 4 {
		t.Fatalf("append with ExpectAny = %d, %v", v, err)
	}
}

// testConcurrentAppenders: 16 writers race to extend one stream from the same version, many
// rounds; exactly one wins each round, and the stream has no gap and no duplicate.
func testConcurrentAppenders(t *testing.T, s eventstore.Store) {
	c := ctx(t)
	stream := id("race")
	const writers, rounds = 16, 10
	for round := range rounds {
		var wins, conflicts int
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := s.Append(c, stream, int64(round), events(1, "race"))
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					wins++
				case errors.Is(err, eventstore.ErrConcurrencyConflict):
					conflicts++
				default:
					t.Errorf("round %d: unexpected error %v", round, err)
				}
			}()
		}
		wg.Wait()
		if wins != 1 || conflicts != writers-1 {
			t.Fatalf("round %d: %d winners and %d conflicts, want 1 and %d", round, wins, conflicts, writers-1)
		}
	}
	got, err := s.ReadStream(c, stream, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range got {
		if e.Version != int64(i+1) {
			t.Fatalf("stream has version %d at index %d: gap or duplicate", e.Version, i)
		}
	}
	if len(got) != rounds {
		t.Fatalf("stream has %d events, want %d", len(got), rounds)
	}
}

// testGlobalOrder: concurrent appends to many streams; a reader following the global position
// while they run sees every event exactly once, in increasing position.
func testGlobalOrder(t *testing.T, s eventstore.Store) {
	c := ctx(t)
	start := lastPosition(t, s)
	const writers, each = 8, 25
	seen := map[string]bool{}
	stop := make(chan struct{})
	readerDone := make(chan error, 1)
	go func() {
		after := start
		for {
			// Look at stop before reading: a read that starts after the writers finished must
			// see everything, so an empty batch then means the reader is done.
			stopped := false
			select {
			case <-stop:
				stopped = true
			default:
			}
			batch, err := s.ReadAll(c, after, 100)
			if err != nil {
				readerDone <- err
				return
			}
			for _, e := range batch {
				if e.Position <= after {
					readerDone <- fmt.Errorf("position went backwards: %d after %d", e.Position, after)
					return
				}
				if seen[e.ID] {
					readerDone <- fmt.Errorf("event %s seen twice", e.ID)
					return
				}
				seen[e.ID] = true
				after = e.Position
			}
			if stopped && len(batch) == 0 {
				readerDone <- nil
				return
			}
			if len(batch) == 0 {
				time.Sleep(time.Millisecond)
			}
		}
	}()
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stream := id(fmt.Sprintf("order-%d", w))
			for i := range each {
				if _, err := s.Append(c, stream, int64(i), events(1, "o")); err != nil {
					t.Errorf("append: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	if err := <-readerDone; err != nil {
		t.Fatal(err)
	}
	if len(seen) != writers*each {
		all, _ := s.ReadAll(c, start, 10000)
		for _, e := range all {
			if !seen[e.ID] {
				t.Logf("missed %s at position %d (stream %s v%d)", e.ID, e.Position, e.StreamID, e.Version)
			}
		}
		t.Fatalf("reader following the global position saw %d events, want %d (an event committed behind the reader was skipped)", len(seen), writers*each)
	}
}

func lastPosition(t *testing.T, s eventstore.Store) int64 {
	var last int64
	for {
		b, err := s.ReadAll(context.Background(), last, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 {
			return last
		}
		last = b[len(b)-1].Position
	}
}

func testCatchUpAfterRestart(t *testing.T, b Backend) {
	c := ctx(t)
	s := b.Open(t)
	start := lastPosition(t, s)
	stream := id("restart")
	if _, err := s.Append(c, stream, 0, events(5, "r")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := b.Reopen(t)
	var got []eventstore.Event
	sctx, cancel := context.WithCancel(c)
	err := eventstore.Subscribe(sctx, s2, start, 10*time.Millisecond, func(e eventstore.Event) error {
		if e.StreamID == stream {
			got = append(got, e)
		}
		if len(got) == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || len(got) != 5 {
		t.Fatalf("catch-up after reopening: %d events, %v", len(got), err)
	}
	if v, err := s2.Append(c, stream, 5, events(1, "r")); err != nil || v != 6 {
		t.Fatalf("append after reopen = %d, %v", v, err)
	}
}

func testLargeStream(t *testing.T, s eventstore.Store) {
	c := ctx(t)
	stream := id("large")
	const total, batch = 10000, 500
	for v := int64(0); v < total; v += batch {
		if _, err := s.Append(c, stream, v, events(batch, "big")); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveSnapshot(c, eventstore.Snapshot{StreamID: stream, Version: 9990, Data: []byte(`{"count":9990}`)}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSnapshot(c, eventstore.Snapshot{StreamID: stream, Version: 5000, Data: []byte(`{"count":5000}`)}); err != nil {
		t.Fatal(err)
	}
	snap, ok, err := s.LoadSnapshot(c, stream)
	if err != nil || !ok || snap.Version != 9990 {
		t.Fatalf("snapshot = %+v %v %v; an older snapshot must not replace a newer one", snap, ok, err)
	}
	tail, err := s.ReadStream(c, stream, snap.Version+1)
	if err != nil || len(tail) != 10 || tail[9].Version != total {
		t.Fatalf("tail after snapshot: %d events, %v", len(tail), err)
	}
	all, err := s.ReadStream(c, stream, 1)
	if err != nil || len(all) != total {
		t.Fatalf("full read: %d events, %v", len(all), err)
	}
	if _, ok, _ := s.LoadSnapshot(c, id("nosnap")); ok {
		t.Fatal("snapshot found for a stream that has none")
	}
}

func testBadInput(t *testing.T, s eventstore.Store) {
	c := ctx(t)
	cases := map[string]func() error{
		"empty stream ID":    func() error { _, err := s.Append(c, "", 0, events(1, "x")); return err },
		"no events":          func() error { _, err := s.Append(c, id("s"), 0, nil); return err },
		"event without type": func() error { _, err := s.Append(c, id("s"), 0, []eventstore.NewEvent{{ID: id("e")}}); return err },
		"oversized payload": func() error {
			ev := events(1, "x")
			ev[0].Data = make([]byte, eventstore.MaxEventSize+1)
			_, err := s.Append(c, id("s"), 0, ev)
			return err
		},
		"negative expected version": func() error { _, err := s.Append(c, id("s"), -5, events(1, "x")); return err },
	}
	for name, f := range cases {
		if err := f(); !errors.Is(err, eventstore.ErrInvalid) {
			t.Errorf("%s: got %v, want ErrInvalid", name, err)
		}
	}
	dup := events(1, "x")
	if _, err := s.Append(c, id("s"), 0, dup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(c, id("s"), 0, dup); !errors.Is(err, eventstore.ErrDuplicateEvent) {
		t.Errorf("the same event ID twice: %v", err)
	}
	// Decoding: an unknown type and a corrupt payload are clear errors, not panics.
	reg := eventstore.NewRegistry()
	type applied struct {
		N int `json:"n"`
	}
	reg.Register("known", applied{})
	stream := id("decode")
	bad := []eventstore.NewEvent{{ID: id("e"), Type: "known", Data: []byte(`{"n":"seven"}`)}, {ID: id("e"), Type: "unheard.of", Data: []byte(`{}`)}}
	if _, err := s.Append(c, stream, 0, bad); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ReadStream(c, stream, 1)
	if _, err := reg.Decode(got[0]); !errors.Is(err, eventstore.ErrCorruptEvent) {
		t.Errorf("corrupt payload: %v", err)
	}
	if _, err := reg.Decode(got[1]); !errors.Is(err, eventstore.ErrUnknownEventType) {
		t.Errorf("unknown type: %v", err)
	}
}

func testOutboxAndInbox(t *testing.T, s eventstore.Store) {
	c := ctx(t)
	for {
		p, err := s.PendingOutbox(c, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(p) == 0 {
			break
		}
		seqs := make([]int64, len(p))
		for i, m := range p {
			seqs[i] = m.Seq
		}
		if err := s.MarkSent(c, seqs...); err != nil {
			t.Fatal(err)
		}
	}
	stream := id("outbox")
	msg := eventstore.OutboxMessage{ID: id("m"), Topic: "tradefin.lc.v1", Key: "T-1", Payload: []byte(`{}`), Headers: map[string]string{"ce_type": "lc.issued.v1"}}
	// A failed append writes no outbox message either: one transaction.
	if _, err := s.Append(c, stream, 3, events(1, "x"), msg); !errors.Is(err, eventstore.ErrConcurrencyConflict) {
		t.Fatalf("conflicting append: %v", err)
	}
	if p, _ := s.PendingOutbox(c, 10); len(p) != 0 {
		t.Fatalf("a rolled-back append left %d outbox messages", len(p))
	}
	if _, err := s.Append(c, stream, 0, events(1, "x"), msg); err != nil {
		t.Fatal(err)
	}
	p, err := s.PendingOutbox(c, 10)
	if err != nil || len(p) != 1 || p[0].ID != msg.ID || p[0].Headers["ce_type"] != "lc.issued.v1" || p[0].Key != "T-1" {
		t.Fatalf("pending = %+v, %v", p, err)
	}
	if err := s.MarkSent(c, p[0].Seq); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.PendingOutbox(c, 10); len(p) != 0 {
		t.Fatalf("still pending after MarkSent: %+v", p)
	}
	runs := 0
	handler := func(ctx context.Context, tx eventstore.Tx) error {
		runs++
		_, err := tx.Append(ctx, stream+"-effect", eventstore.ExpectAny, events(1, "effect"))
		return err
	}
	for range 3 { // the same message delivered three times
		if _, err := s.HandleOnce(c, "settlement", msg.ID, handler); err != nil {
			t.Fatal(err)
		}
	}
	eff, _ := s.ReadStream(c, stream+"-effect", 1)
	if runs != 1 || len(eff) != 1 {
		t.Fatalf("handler ran %d times, %d effects; want 1 and 1", runs, len(eff))
	}
	// A failing handler rolls back its inbox mark: the redelivery runs it again.
	failing := id("m")
	if ran, err := s.HandleOnce(c, "settlement", failing, func(context.Context, eventstore.Tx) error { return errors.New("boom") }); err == nil || ran {
		t.Fatalf("failing handler: ran=%v err=%v", ran, err)
	}
	if ran, err := s.HandleOnce(c, "settlement", failing, func(context.Context, eventstore.Tx) error { return nil }); err != nil || !ran {
		t.Fatalf("retry after failure: ran=%v err=%v", ran, err)
	}
}

// Package memstore is an event store in memory, for fast unit tests of app layers: it keeps the
// whole contract of eventstore.Store (expected versions, one global order, snapshots, outbox,
// inbox with rollback) and passes the same conformance suite as the SQL backends, so a test
// on it means what a test on SQLite means, without a file or a server.
package memstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// ErrClosed: the store was closed.
var ErrClosed = errors.New("memstore: closed")

// data is the store's content; every handle (Reopen) shares it, as every connection to a
// database shares its tables. One mutex serialises writers as SQLite's single writer does, so
// positions are assigned and become visible in commit order.
type data struct {
	mu        sync.Mutex
	all       []eventstore.Event // in position order; position = index + 1
	streams   map[string][]int   // stream ID → indexes into all
	eventIDs  map[string]bool
	snapshots map[string]eventstore.Snapshot
	outbox    []outboxRow
	messageID map[string]bool
	inbox     map[[2]string]bool
}

type outboxRow struct {
	eventstore.PendingMessage
	sent bool
}

// Store is a handle on an in-memory event store.
type Store struct {
	*data
	closed bool
}

var _ eventstore.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{data: &data{streams: map[string][]int{}, eventIDs: map[string]bool{}, snapshots: map[string]eventstore.Snapshot{},
		messageID: map[string]bool{}, inbox: map[[2]string]bool{}}}
}

// Reopen returns a new handle on the same content, as reopening a database file would.
func (s *Store) Reopen() *Store { return &Store{data: s.data} }

// Close ends this handle; the content stays for other handles.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

// lock takes the writer lock of an open handle.
func (s *Store) lock() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	return nil
}

// Append adds events and outbox messages atomically if the stream is at expected.
func (s *Store) Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error) {
	if err := s.lock(); err != nil {
		return 0, err
	}
	defer s.mu.Unlock()
	t := &tx{d: s.data}
	v, err := t.Append(ctx, streamID, expected, events, outbox...)
	if err != nil {
		return 0, err
	}
	t.commit()
	return v, nil
}

// ReadStream returns the stream's events with version ≥ from.
func (s *Store) ReadStream(ctx context.Context, streamID string, from int64) ([]eventstore.Event, error) {
	if err := s.lock(); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	return (&tx{d: s.data}).ReadStream(ctx, streamID, from)
}

// ReadAll returns up to limit events after position after.
func (s *Store) ReadAll(_ context.Context, after int64, limit int) ([]eventstore.Event, error) {
	if err := s.lock(); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	if limit <= 0 {
		limit = 1000
	}
	from := min(max(after, 0), int64(len(s.all)))
	to := min(from+int64(limit), int64(len(s.all)))
	return cloneEvents(s.all[from:to]), nil
}

// SaveSnapshot keeps a snapshot unless a newer one is stored.
func (s *Store) SaveSnapshot(_ context.Context, snap eventstore.Snapshot) error {
	if err := s.lock(); err != nil {
		return err
	}
	defer s.mu.Unlock()
	if old, ok := s.snapshots[snap.StreamID]; !ok || snap.Version > old.Version {
		snap.Data = slices.Clone(snap.Data)
		s.snapshots[snap.StreamID] = snap
	}
	return nil
}

// LoadSnapshot returns the stream's snapshot, if any.
func (s *Store) LoadSnapshot(_ context.Context, streamID string) (eventstore.Snapshot, bool, error) {
	if err := s.lock(); err != nil {
		return eventstore.Snapshot{}, false, err
	}
	defer s.mu.Unlock()
	snap, ok := s.snapshots[streamID]
	snap.Data = slices.Clone(snap.Data)
	return snap, ok, nil
}

// PendingOutbox returns up to limit unsent messages in the order they were written.
func (s *Store) PendingOutbox(_ context.Context, limit int) ([]eventstore.PendingMessage, error) {
	if err := s.lock(); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	var out []eventstore.PendingMessage
	for _, m := range s.outbox {
		if len(out) == limit {
			break
		}
		if !m.sent {
			p := m.PendingMessage
			p.Payload, p.Headers = slices.Clone(p.Payload), maps.Clone(p.Headers)
			out = append(out, p)
		}
	}
	return out, nil
}

// MarkSent records messages as published.
func (s *Store) MarkSent(_ context.Context, seqs ...int64) error {
	if err := s.lock(); err != nil {
		return err
	}
	defer s.mu.Unlock()
	for _, seq := range seqs {
		if seq >= 1 && seq <= int64(len(s.outbox)) {
			s.outbox[seq-1].sent = true
		}
	}
	return nil
}

// HandleOnce runs fn, holding the writer lock, only if consumer has not handled messageID; what
// fn appends through its Tx is kept only if fn succeeds, together with the inbox mark. fn must
// write through its Tx, not the Store (as with SQLite's single connection, that would wait on
// itself).
func (s *Store) HandleOnce(ctx context.Context, consumer, messageID string, fn func(ctx context.Context, tx eventstore.Tx) error) (bool, error) {
	if err := s.lock(); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	key := [2]string{consumer, messageID}
	if s.inbox[key] {
		return false, nil
	}
	t := &tx{d: s.data}
	if err := fn(ctx, t); err != nil {
		return false, err
	}
	t.commit()
	s.inbox[key] = true
	return true, nil
}

// tx stages appends over the committed content; commit publishes them. The caller holds the lock.
type tx struct {
	d       *data
	events  []eventstore.Event
	outbox  []outboxRow
	pending map[string]bool // event and message IDs staged here
}

func (t *tx) version(streamID string) int64 {
	v := int64(len(t.d.streams[streamID]))
	for _, e := range t.events {
		if e.StreamID == streamID {
			v = e.Version
		}
	}
	return v
}

func (t *tx) taken(id string) bool { return t.d.eventIDs[id] || t.pending["e:"+id] }

// Append stages events at the stream's next versions if it is at expected.
func (t *tx) Append(_ context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error) {
	if err := eventstore.Validate(streamID, expected, events); err != nil {
		return 0, err
	}
	cur := t.version(streamID)
	if expected != eventstore.ExpectAny && expected != cur {
		return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: cur}
	}
	seen := map[string]bool{}
	for _, e := range events {
		if t.taken(e.ID) || seen[e.ID] {
			return 0, fmt.Errorf("%w (stream %s)", eventstore.ErrDuplicateEvent, streamID)
		}
		seen[e.ID] = true
	}
	for _, m := range outbox {
		if m.ID == "" || m.Topic == "" {
			return 0, fmt.Errorf("%w: outbox message needs an ID and a topic", eventstore.ErrInvalid)
		}
		if t.d.messageID[m.ID] || t.pending["m:"+m.ID] || seen["m:"+m.ID] {
			return 0, fmt.Errorf("%w: outbox message %s", eventstore.ErrDuplicateEvent, m.ID)
		}
		seen["m:"+m.ID] = true
	}
	if t.pending == nil {
		t.pending = map[string]bool{}
	}
	now := time.Now().UTC()
	for i, e := range events {
		t.pending["e:"+e.ID] = true
		t.events = append(t.events, eventstore.Event{StreamID: streamID, Version: cur + int64(i) + 1, ID: e.ID, Type: e.Type,
			SchemaVersion: e.SchemaVersion, Data: slices.Clone(e.Data), Metadata: cloneMetadata(e.Metadata), RecordedAt: now})
	}
	for _, m := range outbox {
		t.pending["m:"+m.ID] = true
		m.Payload, m.Headers = slices.Clone(m.Payload), maps.Clone(m.Headers)
		t.outbox = append(t.outbox, outboxRow{PendingMessage: eventstore.PendingMessage{OutboxMessage: m}})
	}
	return cur + int64(len(events)), nil
}

// ReadStream reads committed and staged events of a stream.
func (t *tx) ReadStream(_ context.Context, streamID string, from int64) ([]eventstore.Event, error) {
	var out []eventstore.Event
	for _, i := range t.d.streams[streamID] {
		if e := t.d.all[i]; e.Version >= from {
			out = append(out, e)
		}
	}
	for _, e := range t.events {
		if e.StreamID == streamID && e.Version >= from {
			out = append(out, e)
		}
	}
	return cloneEvents(out), nil
}

// commit gives the staged events their global positions and the messages their sequence.
func (t *tx) commit() {
	for _, e := range t.events {
		e.Position = int64(len(t.d.all)) + 1
		t.d.streams[e.StreamID] = append(t.d.streams[e.StreamID], len(t.d.all))
		t.d.all = append(t.d.all, e)
		t.d.eventIDs[e.ID] = true
	}
	for _, m := range t.outbox {
		m.Seq = int64(len(t.d.outbox)) + 1
		t.d.outbox = append(t.d.outbox, m)
		t.d.messageID[m.ID] = true
	}
}

func cloneEvents(evs []eventstore.Event) []eventstore.Event {
	out := make([]eventstore.Event, len(evs))
	for i, e := range evs {
		e.Data, e.Metadata = slices.Clone(e.Data), cloneMetadata(e.Metadata)
		out[i] = e
	}
	return out
}

func cloneMetadata(m eventstore.Metadata) eventstore.Metadata {
	m.Extra = maps.Clone(m.Extra)
	return m
}

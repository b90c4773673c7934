// Package aggregatetest is the aggregate repository's test suite, run on every event store
// backend: in memory and SQLite in the kit's own tests, PostgreSQL beside the test environment
// (deploy/devstack/integration), so the one repository every service uses is proven on each.
package aggregatetest

import (
	"errors"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// Run runs every repository test, each on a new, empty store that open returns.
func Run(t *testing.T, open func(t *testing.T) eventstore.Store) {
	t.Run("CreateLoadAndUpdate", func(t *testing.T) { testCreateLoadAndUpdate(t, open(t)) })
	t.Run("UpdateRunsTheDecisionAgainOnFreshState", func(t *testing.T) { testUpdateRunsTheDecisionAgainOnFreshState(t, open(t)) })
	t.Run("LoadUpcastsOldStoredFormats", func(t *testing.T) { testLoadUpcastsOldStoredFormats(t, open(t)) })
	t.Run("LoadStartsFromTheSnapshot", func(t *testing.T) { testLoadStartsFromTheSnapshot(t, open(t)) })
}

func testCreateLoadAndUpdate(t *testing.T, s eventstore.Store) {
	ctx := t.Context()
	repo := aggregate.New(accounts(0), s)
	if _, _, err := repo.Load(ctx, "A-1"); !errors.Is(err, aggregate.ErrNotFound) {
		t.Fatalf("load before create: %v", err)
	}
	if err := repo.Create(ctx, "A-1", newAccount("A-1", "ingrid")); err != nil {
		t.Fatal(err)
	}
	if err := repo.Create(ctx, "A-1", newAccount("A-1", "someone else")); !errors.Is(err, eventstore.ErrConcurrencyConflict) {
		t.Fatalf("second create of A-1: %v", err)
	}
	a, err := repo.Update(ctx, "A-1", func(a *account) error { return a.deposit(40, 100) })
	if err != nil || a.Balance != 40 || a.Version != 2 || len(a.changes) != 0 {
		t.Fatalf("update = %+v, %v", a, err)
	}
	if _, err := repo.Update(ctx, "A-1", func(a *account) error { return a.deposit(70, 100) }); !errors.Is(err, errOverLimit) {
		t.Fatalf("a refused decision: %v", err)
	}
	a, v, err := repo.Load(ctx, "A-1")
	if err != nil || v != 2 || a.Owner != "ingrid" || a.Balance != 40 {
		t.Fatalf("load = %+v at %d, %v", a, v, err)
	}
	stored, _ := s.ReadStream(ctx, "account-A-1", 1)
	if len(stored) != 2 || stored[1].Type != "test.Deposited" || stored[1].SchemaVersion != 2 || string(stored[1].Data) != `{"minor":40}` ||
		stored[1].Metadata.CorrelationID != "ingrid" || stored[1].ID != eventstore.EventID("test", "account-A-1", 2) {
		t.Fatalf("stored %+v", stored)
	}
	pending, _ := s.PendingOutbox(ctx, 10)
	if len(pending) != 1 || pending[0].ID != stored[1].ID || pending[0].Key != "A-1" {
		t.Fatalf("outbox %+v: want the deposit's message, under the event's ID", pending)
	}
}

// testUpdateRunsTheDecisionAgainOnFreshState: a writer that lost the race does not overwrite the
// winner nor fail with a conflict: its decision is taken again on the stored state, and there the
// limit refuses it.
func testUpdateRunsTheDecisionAgainOnFreshState(t *testing.T, s eventstore.Store) {
	ctx := t.Context()
	repo := aggregate.New(accounts(0), s)
	if err := repo.Create(ctx, "A-2", newAccount("A-2", "ingrid")); err != nil {
		t.Fatal(err)
	}
	var seen []int64
	_, err := repo.Update(ctx, "A-2", func(a *account) error {
		seen = append(seen, a.Balance)
		if len(seen) == 1 { // another writer commits between this load and its save
			if _, err := repo.Update(ctx, "A-2", func(b *account) error { return b.deposit(10, 15) }); err != nil {
				t.Fatal(err)
			}
		}
		return a.deposit(10, 15)
	})
	if !errors.Is(err, errOverLimit) || len(seen) != 2 || seen[1] != 10 {
		t.Fatalf("decision saw balances %v, ended with %v; want a second run on the fresh 10, refused", seen, err)
	}
	if a, v, _ := repo.Load(ctx, "A-2"); a.Balance != 10 || v != 2 {
		t.Fatalf("stored balance %d at %d", a.Balance, v)
	}
}

// testLoadUpcastsOldStoredFormats: a deposit stored as v1 (its field was "amount") loads after the
// format became v2; a version newer than the code's is an error, not a silent zero.
func testLoadUpcastsOldStoredFormats(t *testing.T, s eventstore.Store) {
	ctx := t.Context()
	repo := aggregate.New(accounts(0), s)
	if err := repo.Create(ctx, "A-3", newAccount("A-3", "ingrid")); err != nil {
		t.Fatal(err)
	}
	v1 := eventstore.NewEvent{ID: eventstore.EventID("test", "account-A-3", 2), Type: "test.Deposited", SchemaVersion: 1, Data: []byte(`{"amount":7}`)}
	if _, err := s.Append(ctx, "account-A-3", 1, []eventstore.NewEvent{v1}); err != nil {
		t.Fatal(err)
	}
	if a, _, err := repo.Load(ctx, "A-3"); err != nil || a.Balance != 7 {
		t.Fatalf("v1 deposit loaded as %+v, %v", a, err)
	}
	v9 := eventstore.NewEvent{ID: eventstore.EventID("test", "account-A-3", 3), Type: "test.Deposited", SchemaVersion: 9, Data: []byte(`{"cents":1}`)}
	if _, err := s.Append(ctx, "account-A-3", 2, []eventstore.NewEvent{v9}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := repo.Load(ctx, "A-3"); !errors.Is(err, eventstore.ErrUnknownEventType) {
		t.Fatalf("a format from the future: %v", err)
	}
}

// testLoadStartsFromTheSnapshot: snapshots are taken as the stream crosses multiples of Every,
// loading starts from the latest one, and one of another format is ignored.
func testLoadStartsFromTheSnapshot(t *testing.T, s eventstore.Store) {
	ctx := t.Context()
	repo := aggregate.New(accounts(5), s)
	if err := repo.Create(ctx, "A-4", newAccount("A-4", "ingrid")); err != nil {
		t.Fatal(err)
	}
	for range 11 {
		if _, err := repo.Update(ctx, "A-4", func(a *account) error { return a.deposit(1, 100) }); err != nil {
			t.Fatal(err)
		}
	}
	snap, ok, err := s.LoadSnapshot(ctx, "account-A-4")
	if err != nil || !ok || snap.Version != 10 {
		t.Fatalf("snapshot %+v %v %v, want one at version 10", snap, ok, err)
	}
	if a, v, err := repo.Load(ctx, "A-4"); err != nil || a.Balance != 11 || v != 12 {
		t.Fatalf("load = %+v at %d, %v", a, v, err)
	}
	// A snapshot that disagrees with the events shows it is the one used.
	if err := s.SaveSnapshot(ctx, eventstore.Snapshot{StreamID: "account-A-4", Version: 12, Data: []byte(`{"format":1,"state":{"ID":"A-4","Balance":1000}}`)}); err != nil {
		t.Fatal(err)
	}
	if a, v, _ := repo.Load(ctx, "A-4"); a.Balance != 1000 || v != 12 {
		t.Fatalf("load from the snapshot = %+v at %d", a, v)
	}
	if err := s.SaveSnapshot(ctx, eventstore.Snapshot{StreamID: "account-A-4", Version: 13, Data: []byte(`{"format":2,"state":{}}`)}); err != nil {
		t.Fatal(err)
	}
	if a, v, _ := repo.Load(ctx, "A-4"); a.Balance != 11 || v != 12 {
		t.Fatalf("load past a snapshot of another format = %+v at %d, want a full replay", a, v)
	}
}

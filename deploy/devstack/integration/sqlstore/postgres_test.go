//go:build !unit

package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstoretest"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
)

func TestPostgres(t *testing.T) {
	dsn := testenv.PostgresDSN(t)
	open := func(t *testing.T) eventstore.Store {
		s, err := sqlstore.OpenPostgres(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	eventstoretest.Run(t, eventstoretest.Backend{Open: open, Reopen: open})
}

// TestPostgresKeepsItsConnections: under concurrent appends the store reuses its connections.
// database/sql keeps two idle by default; a pool that opens more closes the rest when they come
// back, so each burst connects again, and each connection is a new PostgreSQL backend (a fork)
// with its statements prepared again: under the trade bench that churn was a sixth of the
// machine's CPU.
func TestPostgresKeepsItsConnections(t *testing.T) {
	ctx := context.Background()
	s, err := sqlstore.OpenPostgres(ctx, testenv.PostgresDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stream := fmt.Sprintf("pool-%d", time.Now().UnixNano())
	burst := func(round int) {
		var wg sync.WaitGroup
		for i := range 16 {
			wg.Go(func() {
				ev := eventstore.NewEvent{ID: fmt.Sprintf("%s-%d-%d", stream, round, i), Type: "pool.tested.v1", SchemaVersion: 1, Data: []byte(`{}`)}
				if _, err := s.Append(ctx, fmt.Sprintf("%s-%d", stream, i), eventstore.ExpectAny, []eventstore.NewEvent{ev}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	for round := range 5 {
		burst(round)
	}
	st := s.DB().Stats()
	if st.MaxIdleClosed > 0 || st.OpenConnections > 20 {
		t.Fatalf("after five bursts of 16 appends the pool closed %d connections for want of idle room and has %d open; want none closed, at most 20",
			st.MaxIdleClosed, st.OpenConnections)
	}
}

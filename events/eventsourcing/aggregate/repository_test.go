package aggregate_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregatetest"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/memstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
)

// The repository on memory and SQLite; on PostgreSQL in deploy/devstack/integration/aggregate.
func TestRepositoryInMemory(t *testing.T) {
	aggregatetest.Run(t, func(*testing.T) eventstore.Store { return memstore.New() })
}

func TestRepositoryOnSQLite(t *testing.T) {
	aggregatetest.Run(t, func(t *testing.T) eventstore.Store {
		s, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "events.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s
	})
}

package testenv

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
)

// EventStores gives, per backend the services run on, a function opening an empty event store:
// SQLite in the test's temporary folder, PostgreSQL in a fresh database. Each closes when its
// test ends. Tests range over it to run the same scenario on both.
func EventStores() map[string]func(t *testing.T) eventstore.Store {
	opened := func(t *testing.T, s eventstore.Store, err error) eventstore.Store {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	return map[string]func(t *testing.T) eventstore.Store{
		"sqlite": func(t *testing.T) eventstore.Store {
			s, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "events.db"))
			return opened(t, s, err)
		},
		"postgres": func(t *testing.T) eventstore.Store {
			s, err := sqlstore.OpenPostgres(context.Background(), PostgresDSN(t))
			return opened(t, s, err)
		},
	}
}

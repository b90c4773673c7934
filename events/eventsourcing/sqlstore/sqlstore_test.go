package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstoretest"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
)

func TestSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.db")
	open := func(t *testing.T) eventstore.Store {
		s, err := sqlstore.OpenSQLite(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	eventstoretest.Run(t, eventstoretest.Backend{Open: open, Reopen: open})
}

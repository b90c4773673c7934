//go:build !unit

package sqlstore_test

import (
	"context"
	"testing"

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

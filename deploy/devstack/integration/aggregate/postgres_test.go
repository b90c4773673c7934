package aggregate_test

import (
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/aggregatetest"
)

// TestRepositoryOnPostgres runs the event-sourcing kit's aggregate repository suite on
// PostgreSQL, each test on a database of its own.
func TestRepositoryOnPostgres(t *testing.T) {
	aggregatetest.Run(t, testenv.EventStores()["postgres"])
}

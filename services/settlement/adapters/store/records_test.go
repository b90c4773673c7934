package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// TestEveryEventHasAStoredRecord: every event type of the domain (domain.Events, so a new one
// cannot be left out) round-trips through its stored record.
func TestEveryEventHasAStoredRecord(t *testing.T) {
	recordtest.Run[*domain.Payment, domain.Event](t, payments, domain.Events()...)
}

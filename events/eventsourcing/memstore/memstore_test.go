package memstore_test

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstoretest"
	"github.com/tradefin/tradefin/events/eventsourcing/memstore"
)

// TestConformance: the in-memory store keeps the same contract as the SQL backends.
func TestConformance(t *testing.T) {
	var last *memstore.Store
	eventstoretest.Run(t, eventstoretest.Backend{
		Open:   func(*testing.T) eventstore.Store { last = memstore.New(); return last },
		Reopen: func(*testing.T) eventstore.Store { return last.Reopen() },
	})
}

func TestClosedHandleRefusesWork(t *testing.T) {
	s := memstore.New()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadAll(t.Context(), 0, 10); err != memstore.ErrClosed {
		t.Fatalf("read on a closed handle: %v", err)
	}
	if _, err := s.Reopen().ReadAll(t.Context(), 0, 10); err != nil {
		t.Fatalf("a reopened handle: %v", err)
	}
}

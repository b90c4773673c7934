package store

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// everyField compares unexported fields too (a Date's instant, a Currency's code).
var everyField = cmp.Exporter(func(reflect.Type) bool { return true })

// TestStoredRecordsRoundTrip: every lc event, filled and hollow, is the same event after
// it is stored and read back: no conversion between a domain object and its record loses a
// field (a lossy one would change a credit on every load).
func TestStoredRecordsRoundTrip(t *testing.T) {
	for _, vs := range append(creditEvents(), variants[domain.TradeClaimed]()) {
		for _, e := range vs[:2] { // the zero value's amounts have no currency: no such event loads
			ev := storedAs(t, e)
			v, err := formats.Decode(eventstore.Event{Type: ev.Type, SchemaVersion: ev.SchemaVersion, Data: ev.Data})
			if err != nil {
				t.Fatalf("%s: %v", ev.Type, err)
			}
			if diff := cmp.Diff(e, v.(aggregate.Record[domain.Event]).Event(), everyField); diff != "" {
				t.Errorf("%s changes when stored and read back (-saved +loaded):\n%s", ev.Type, diff)
			}
		}
	}
	for _, d := range []domain.RegisteredDocument{filled[domain.RegisteredDocument](), {}} {
		ev := registeredAs(t, d)
		got, err := registered([]eventstore.Event{{Type: ev.Type, SchemaVersion: ev.SchemaVersion, Data: ev.Data}})
		if err != nil || len(got) != 1 || got[d.SHA256] != d {
			t.Errorf("registered document %+v reads back as %+v, %v", d, got, err)
		}
	}
}

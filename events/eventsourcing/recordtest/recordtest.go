// Package recordtest checks a service's stored record types against its domain events: every
// domain event has a registered record, the record maps back to the same event type, and the
// record names exactly the fields the event has. The last check is what keeps the formats
// honest while the domain moves: a field added to a domain event but not to its record would
// otherwise be dropped silently on every save.
package recordtest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
)

// Run checks spec's records for each sample domain event (one value of every event type).
func Run[A, E any](t *testing.T, spec *aggregate.Spec[A, E], samples ...E) {
	t.Helper()
	for _, e := range samples {
		et := reflect.TypeOf(e)
		rec, err := spec.ToRecord(e)
		if err != nil {
			t.Errorf("%v has no stored record: %v", et, err)
			continue
		}
		if _, _, err := spec.Formats.Encode(rec); err != nil {
			t.Errorf("%v: record %T: %v", et, rec, err)
		}
		if back := rec.Event(); reflect.TypeOf(back) != et {
			t.Errorf("%v is stored as %T, which maps back to %T", et, rec, back)
		}
		if want, got := fields(et), fields(reflect.TypeOf(rec)); !slices.Equal(want, got) {
			t.Errorf("%v has fields %v, its record %T has %v: a field not in the record is lost on save", et, want, rec, got)
		}
	}
}

func fields(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		if f.IsExported() {
			out = append(out, f.Name)
		}
	}
	slices.Sort(out)
	return out
}

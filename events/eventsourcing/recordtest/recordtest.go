// Package recordtest checks a service's stored record types against its domain events: every
// domain event has a registered record, the record maps back to the same event type, and the
// record names exactly the fields the event has. The last check is what keeps the formats
// honest while the domain moves: a field added to a domain event but not to its record would
// otherwise be dropped silently on every save. RoundTrip stores complete samples and reads them
// back; golden.go pins the stored bytes of whole streams; NoJSONTags keeps formats out of a domain.
package recordtest

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
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

// RoundTrip checks that each sample domain event, stored through spec (its record, then JSON)
// and read back, is the same event. A sample must set every exported field, down through the
// value objects it holds: a field a record's conversion forgets then fails here, and a field
// added to the domain fails until the sample (and so the record) carries it.
func RoundTrip[A, E any](t *testing.T, spec *aggregate.Spec[A, E], samples ...E) {
	t.Helper()
	for _, e := range samples {
		if empty := unset(reflect.ValueOf(e), fmt.Sprintf("%T", e)); len(empty) > 0 {
			t.Errorf("sample %T leaves %v unset: a conversion dropping them would pass", e, empty)
		}
		rec, err := spec.ToRecord(e)
		if err != nil {
			t.Errorf("%T: %v", e, err)
			continue
		}
		ev, err := spec.Formats.NewEvent("sample", rec, eventstore.Metadata{})
		if err != nil {
			t.Errorf("%T: %v", e, err)
			continue
		}
		back, err := spec.Decode(eventstore.Event{Type: ev.Type, SchemaVersion: ev.SchemaVersion, Data: ev.Data})
		if err != nil || !reflect.DeepEqual(back, e) {
			t.Errorf("%T stored as %s reads back as %+v (%v)\n  want %+v", e, ev.Data, back, err, e)
		}
	}
}

// unset names the exported fields of v (and of the structs, slices, maps and pointers it
// holds) that are zero or empty. Types of other packages without exported fields (time.Time,
// money.Currency) count as set when not zero.
func unset(v reflect.Value, path string) []string {
	if v.IsZero() {
		return []string{path}
	}
	var out []string
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		out = unset(v.Elem(), path)
	case reflect.Slice:
		if v.Len() == 0 {
			return []string{path}
		}
		for i := range v.Len() {
			out = append(out, unset(v.Index(i), fmt.Sprintf("%s[%d]", path, i))...)
		}
	case reflect.Map:
		if v.Len() == 0 {
			return []string{path}
		}
		for it := v.MapRange(); it.Next(); {
			out = append(out, unset(it.Value(), fmt.Sprintf("%s[%v]", path, it.Key()))...)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				out = append(out, unset(v.Field(i), path+"."+f.Name)...)
			}
		}
	}
	return out
}

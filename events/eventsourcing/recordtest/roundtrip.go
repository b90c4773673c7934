package recordtest

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

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

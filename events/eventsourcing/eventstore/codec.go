package eventstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// ErrUnknownEventType: a stored event's type (or its schema version) has no registered decoder.
var ErrUnknownEventType = errors.New("unknown event type")

// ErrCorruptEvent: a stored event's data does not decode into its type.
var ErrCorruptEvent = errors.New("corrupt event data")

// Upcaster rewrites the stored data of one schema version of an event into the next version's
// shape (a renamed field, a split value, a default for a new one). It works on JSON, not on Go
// types, so an old version needs no Go type of its own once its upcaster exists.
type Upcaster func(data []byte) ([]byte, error)

// format is one event type's current stored shape and the way there from older versions.
type format struct {
	t         reflect.Type
	version   int
	upcasters []Upcaster // upcasters[i] rewrites version i+1 into i+2
}

// Registry maps event type names to the Go types of their stored formats (record types with
// JSON tags, not domain types: the stored shape must not change when a domain struct does).
// Names are explicit, so renaming a Go type cannot break history; versions are explicit, so
// changing a format cannot either.
type Registry struct {
	byName map[string]format
	byType map[reflect.Type]string
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byName: map[string]format{}, byType: map[reflect.Type]string{}}
}

// Register maps name to the type of sample (a struct value) as the event's current stored
// format. Its schema version is 1 + len(upcasters): upcasters[i] rewrites version i+1 into
// version i+2, so a stream written under any earlier version still loads. Registering a name or
// a type twice is a programming error and panics.
func (r *Registry) Register(name string, sample any, upcasters ...Upcaster) {
	t := reflect.TypeOf(sample)
	if _, dup := r.byName[name]; dup {
		panic(fmt.Sprintf("eventstore: event type %q registered twice", name))
	}
	if other, dup := r.byType[t]; dup {
		panic(fmt.Sprintf("eventstore: %v registered as %q and %q", t, other, name))
	}
	r.byName[name] = format{t: t, version: 1 + len(upcasters), upcasters: upcasters}
	r.byType[t] = name
}

// Decode returns the event's data as a value of its registered type, first upcasting data
// stored under an older schema version. Version 0 (no version recorded) counts as version 1.
func (r *Registry) Decode(e Event) (any, error) {
	f, ok := r.byName[e.Type]
	if !ok {
		return nil, fmt.Errorf("%w %q (stream %s, version %d)", ErrUnknownEventType, e.Type, e.StreamID, e.Version)
	}
	data, from := e.Data, max(e.SchemaVersion, 1)
	if from > f.version {
		return nil, fmt.Errorf("%w: %s schema version %d is newer than this build's %d (stream %s, version %d)",
			ErrUnknownEventType, e.Type, from, f.version, e.StreamID, e.Version)
	}
	for v := from; v < f.version; v++ {
		up, err := f.upcasters[v-1](data)
		if err != nil {
			return nil, fmt.Errorf("%w: upcast %s from schema version %d (stream %s, version %d): %v", ErrCorruptEvent, e.Type, v, e.StreamID, e.Version, err)
		}
		data = up
	}
	v := reflect.New(f.t)
	if err := json.Unmarshal(data, v.Interface()); err != nil {
		return nil, fmt.Errorf("%w: %s (stream %s, version %d): %v", ErrCorruptEvent, e.Type, e.StreamID, e.Version, err)
	}
	return v.Elem().Interface(), nil
}

// Encode returns data's type name and JSON; data's type must be registered.
func (r *Registry) Encode(data any) (string, []byte, error) {
	name, ok := r.byType[reflect.TypeOf(data)]
	if !ok {
		return "", nil, fmt.Errorf("%w: %T is not registered", ErrUnknownEventType, data)
	}
	b, err := json.Marshal(data)
	return name, b, err
}

// NewEvent encodes data as an event to append, with its type name and current schema version.
func (r *Registry) NewEvent(id string, data any, md Metadata) (NewEvent, error) {
	name, b, err := r.Encode(data)
	if err != nil {
		return NewEvent{}, err
	}
	return NewEvent{ID: id, Type: name, SchemaVersion: r.byName[name].version, Data: b, Metadata: md}, nil
}

// RenameField is the upcaster of the most common format change: a JSON field renamed from old
// to renamed (a value already under renamed wins).
func RenameField(old, renamed string) Upcaster {
	return func(data []byte) ([]byte, error) {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, err
		}
		if v, ok := m[old]; ok {
			if _, taken := m[renamed]; !taken {
				m[renamed] = v
			}
			delete(m, old)
		}
		return json.Marshal(m)
	}
}

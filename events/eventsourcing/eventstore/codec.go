package eventstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// ErrUnknownEventType: a stored event's type has no registered decoder.
var ErrUnknownEventType = errors.New("unknown event type")

// ErrCorruptEvent: a stored event's data does not decode into its type.
var ErrCorruptEvent = errors.New("corrupt event data")

// Registry maps event type names to Go types for decoding. Names are explicit, so renaming a Go
// type cannot break history.
type Registry struct{ types map[string]reflect.Type }

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{types: map[string]reflect.Type{}} }

// Register maps name to the type of sample (a struct value).
func (r *Registry) Register(name string, sample any) {
	r.types[name] = reflect.TypeOf(sample)
}

// Decode returns the event's data as a value of its registered type.
func (r *Registry) Decode(e Event) (any, error) {
	t, ok := r.types[e.Type]
	if !ok {
		return nil, fmt.Errorf("%w %q (stream %s, version %d)", ErrUnknownEventType, e.Type, e.StreamID, e.Version)
	}
	v := reflect.New(t)
	if err := json.Unmarshal(e.Data, v.Interface()); err != nil {
		return nil, fmt.Errorf("%w: %s (stream %s, version %d): %v", ErrCorruptEvent, e.Type, e.StreamID, e.Version, err)
	}
	return v.Elem().Interface(), nil
}

// Encode returns data's type name and JSON; data's type must be registered.
func (r *Registry) Encode(data any) (string, []byte, error) {
	t := reflect.TypeOf(data)
	for name, rt := range r.types {
		if rt == t {
			b, err := json.Marshal(data)
			return name, b, err
		}
	}
	return "", nil, fmt.Errorf("%w: %T is not registered", ErrUnknownEventType, data)
}

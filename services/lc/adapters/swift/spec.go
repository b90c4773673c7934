package swift

import (
	"fmt"
	"strings"
)

// spec is a field's place in a message type: tag, name, whether it is mandatory, and its size
// as lines × characters (a single-line field is 1 × n).
type spec struct {
	tag       string
	name      string
	mandatory bool
	lines     int
	chars     int
}

// validate checks a message's fields against its type's specs: mandatory fields present, no
// unknown tags, sizes and the X character set respected.
func validate(m *Message, specs []spec) error {
	known := map[string]spec{}
	for _, s := range specs {
		known[s.tag] = s
	}
	for i, f := range m.Fields {
		s, ok := known[f.Tag]
		if !ok {
			return fieldErr(f.Tag, 0, "not a field of MT%s (field %d)", m.Type, i+1)
		}
		if err := Lines(f.Tag, f.Value, s.lines, s.chars); err != nil {
			return fmt.Errorf("MT%s %s: %w", m.Type, s.name, err)
		}
	}
	for _, s := range specs {
		if _, ok := m.Get(s.tag); s.mandatory && !ok {
			return fieldErr(s.tag, 0, "mandatory field %s (%s) is missing from MT%s", s.tag, s.name, m.Type)
		}
	}
	return nil
}

// lines joins narrative lines for a field value.
func joinLines(ls []string) string { return strings.Join(ls, "\r\n") }

// splitLines splits a field value into its lines.
func splitLines(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, "\r\n")
}

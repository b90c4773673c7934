package swift

import (
	"slices"
	"strings"
)

// FieldSpec is one field of a message type as the standard lists it: its tag ("20", or "42a"
// when the field has letter options), name, status and the concrete tags it may take with their
// formats ("42A" [[/1!a][/34x]$]4!a2!a2!c[3!c], "42D" [[/1!a][/34x]$]4*35x).
type FieldSpec struct {
	Tag       string
	Name      string
	Mandatory bool
	Options   []Option
}

// Option is a concrete tag of a field and its format in SWIFT notation.
type Option struct {
	Tag    string
	Format string
}

// MessageSpec is a message type's fields in the order they must appear.
type MessageSpec struct {
	Type   string // "700"
	Name   string // "Issue of a Documentary Credit"
	Fields []FieldSpec
}

// Spec returns the field set of a Category 7 message type ("700" or "MT700").
func Spec(mt string) (MessageSpec, bool) {
	s, ok := catalogue[strings.TrimPrefix(mt, "MT")]
	return s, ok
}

// Types lists the message types Spec and Validate know, in ascending order.
func Types() []string {
	out := make([]string, 0, len(catalogue))
	for t := range catalogue {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Field returns the spec of the field a concrete tag belongs to ("42A" -> 42a Drawee), and its
// index in the message's order.
func (s MessageSpec) Field(tag string) (FieldSpec, int, bool) {
	for i, f := range s.Fields {
		for _, o := range f.Options {
			if o.Tag == tag {
				return f, i, true
			}
		}
	}
	return FieldSpec{}, -1, false
}

// field builds a FieldSpec; options are the letters of an "a" tag ("AD" for 42a).
func field(mandatory bool, tag, name, options string) FieldSpec {
	f := FieldSpec{Tag: tag, Name: name, Mandatory: mandatory}
	if options == "" {
		f.Options = []Option{{Tag: tag, Format: fieldFormats[tag]}}
		return f
	}
	for _, l := range options {
		t := tag[:len(tag)-1] + string(l)
		f.Options = append(f.Options, Option{Tag: t, Format: fieldFormats[t]})
	}
	return f
}

func m(tag, name string) FieldSpec           { return field(true, tag, name, "") }
func o(tag, name string) FieldSpec           { return field(false, tag, name, "") }
func ma(tag, name, options string) FieldSpec { return field(true, tag, name, options) }
func oa(tag, name, options string) FieldSpec { return field(false, tag, name, options) }
func join(parts ...[]FieldSpec) []FieldSpec  { return slices.Concat(parts...) }
func fields(fs ...FieldSpec) []FieldSpec     { return fs }

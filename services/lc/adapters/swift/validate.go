package swift

import (
	"fmt"
	"strings"
)

// Validate checks a message against its type's field set: every field known to the type, in the
// standard's order, not repeated, mandatory fields present, each value in its format (dates
// real, currencies ISO 4217, amounts with their decimal comma), then the type's network
// validated rules. The error is a *ParseError naming the first defect in message order: a
// mandatory field missing before a later field is reported at that field, ahead of anything
// wrong further down.
func Validate(m *Message) error {
	spec, ok := Spec(m.Type)
	if !ok {
		return &ParseError{Reason: fmt.Sprintf("MT%s is not a Category 7 documentary credit message (known: %s)", m.Type, strings.Join(Types(), ", "))}
	}
	next, line := 0, 1 // next: index in spec.Fields the next field may take; line: field's first line in block 4
	for _, f := range m.Fields {
		fs, i, ok := spec.Field(f.Tag)
		switch {
		case !ok:
			return unknownField(spec, f.Tag, line)
		case i < next && i == next-1:
			return fieldErr(f.Tag, line, "field %s (%s) appears twice in MT%s", fs.Tag, fs.Name, m.Type)
		case i < next:
			return fieldErr(f.Tag, line, "field %s (%s) is out of order: in MT%s it comes before field %s", fs.Tag, fs.Name, m.Type, spec.Fields[next-1].Tag)
		}
		for _, skipped := range spec.Fields[next:i] {
			if skipped.Mandatory {
				return missing(m.Type, skipped, line, fs.Tag)
			}
		}
		if err := checkValue(m.Type, fs, f, line); err != nil {
			return err
		}
		next, line = i+1, line+strings.Count(f.Value, "\r\n")+1
	}
	for _, rest := range spec.Fields[next:] {
		if rest.Mandatory {
			return missing(m.Type, rest, 0, "")
		}
	}
	return checkRules(m)
}

// checkValue checks one field's value against its option's format and decodes what has a
// meaning beyond its format (dates, currencies, amounts).
func checkValue(mt string, fs FieldSpec, f Field, line int) error {
	fm := compiledFormats[f.Tag]
	if l, reason := fm.check(f.Value); reason != "" {
		if l > 0 {
			line += l - 1
		}
		return fieldErr(f.Tag, line, "%s %s", fs.Name, reason)
	}
	if _, err := Decode(f); err != nil {
		return fieldErr(f.Tag, line, "%s: %s", fs.Name, reasonOf(err))
	}
	if err := checkFieldRule(mt, f); err != nil {
		return fieldErr(f.Tag, line, "%s: %s", fs.Name, reasonOf(err))
	}
	return nil
}

func unknownField(spec MessageSpec, tag string, line int) error {
	if len(tag) == 3 {
		generic := tag[:2] + "a"
		for _, fs := range spec.Fields {
			if fs.Tag == generic {
				var letters []string
				for _, o := range fs.Options {
					letters = append(letters, o.Tag[2:])
				}
				return fieldErr(tag, line, "option %s is not allowed for field %s (%s) of MT%s: options %s", tag[2:], generic, fs.Name, spec.Type, strings.Join(letters, ", "))
			}
		}
	}
	return fieldErr(tag, line, "not a field of MT%s (%s)", spec.Type, spec.Name)
}

func missing(mt string, fs FieldSpec, line int, before string) error {
	if before == "" {
		return fieldErr(fs.Tag, 0, "mandatory field %s (%s) is missing from MT%s", fs.Tag, fs.Name, mt)
	}
	return fieldErr(fs.Tag, line, "mandatory field %s (%s) is missing from MT%s (expected before field %s)", fs.Tag, fs.Name, mt, before)
}

// reasonOf strips a nested ParseError to its reason, so the outer error names the field once.
func reasonOf(err error) string {
	if pe, ok := err.(*ParseError); ok {
		return pe.Reason
	}
	return err.Error()
}

package apispec

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// params names every field a validation error is about: a path or query parameter by its name,
// a body field by its dotted path (terms.amount.currency), the body itself as "body".
func params(err error) []param {
	// The request's errors come as a list of RequestErrors, each of which may wrap a list of
	// its own: take the outer list by its type, not with errors.As, which would reach the inner.
	if multi, ok := err.(openapi3.MultiError); ok {
		var out []param
		for _, e := range multi {
			out = append(out, params(e)...)
		}
		return out
	}
	var re *openapi3filter.RequestError
	if !errors.As(err, &re) {
		return []param{{Name: "request", Reason: err.Error()}}
	}
	switch {
	case re.Parameter != nil:
		return []param{{Name: re.Parameter.Name, Reason: reason(re.Err)}}
	case errors.Is(re.Err, openapi3filter.ErrInvalidRequired):
		return []param{{Name: "body", Reason: "a JSON object is required"}}
	}
	var fields []param
	collectSchemaErrors(re.Err, &fields)
	if len(fields) == 0 {
		var pe *openapi3filter.ParseError
		if errors.As(re.Err, &pe) {
			return []param{{Name: "body", Reason: "malformed: " + pe.Error()}}
		}
		return []param{{Name: "body", Reason: reason(re)}}
	}
	return fields
}

func collectSchemaErrors(err error, out *[]param) {
	var multi openapi3.MultiError
	if errors.As(err, &multi) {
		for _, e := range multi {
			collectSchemaErrors(e, out)
		}
		return
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		*out = append(*out, param{Name: fieldName(se), Reason: se.Reason})
	}
}

// unsupported is how an additionalProperties: false refusal names the property; its pointer
// is the object that holds it.
var unsupported = regexp.MustCompile(`^property "([^"]+)" is unsupported$`)

func fieldName(se *openapi3.SchemaError) string {
	path := se.JSONPointer()
	if m := unsupported.FindStringSubmatch(se.Reason); m != nil {
		path = append(path, m[1])
	}
	if len(path) == 0 {
		return "body"
	}
	// Array items as the services' own errors name them: presentation.documents[1].kind.
	var b strings.Builder
	for i, seg := range path {
		switch {
		case isIndex(seg):
			b.WriteString("[" + seg + "]")
		case i > 0:
			b.WriteString("." + seg)
		default:
			b.WriteString(seg)
		}
	}
	return b.String()
}

func isIndex(seg string) bool {
	_, err := strconv.Atoi(seg)
	return err == nil
}

// reason is an error's own words, without the schema and value dumps a SchemaError's Error adds.
func reason(err error) string {
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		return se.Reason
	}
	if err == nil {
		return "invalid"
	}
	return err.Error()
}

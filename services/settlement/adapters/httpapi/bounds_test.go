package httpapi_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestEveryStringAndListIsBounded reads the API's description: every string it takes or gives
// has a maxLength (or is an enum, or a date, date-time or UUID), and every list a maxItems, so
// the validator refuses an unbounded value before a handler reads it (400), and a client knows
// the bounds of what it reads.
func TestEveryStringAndListIsBounded(t *testing.T) {
	spec, err := os.ReadFile("openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[*openapi3.Schema]bool{}
	var check func(where string, s *openapi3.SchemaRef)
	check = func(where string, ref *openapi3.SchemaRef) {
		if ref == nil || ref.Value == nil || seen[ref.Value] {
			return
		}
		s := ref.Value
		seen[s] = true
		switch {
		case s.Type.Is("string") && s.MaxLength == nil && len(s.Enum) == 0 && s.Format != "date" && s.Format != "date-time" && s.Format != "uuid":
			t.Errorf("%s: a string without maxLength", where)
		case s.Type.Is("array") && s.MaxItems == nil:
			t.Errorf("%s: a list without maxItems", where)
		}
		for name, p := range s.Properties {
			check(where+"."+name, p)
		}
		check(where+"[]", s.Items)
		for i, sub := range append(append(s.AllOf, s.OneOf...), s.AnyOf...) {
			check(fmt.Sprintf("%s/%d", where, i), sub)
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			check(where+"{}", ap)
		}
	}
	for name, s := range doc.Components.Schemas {
		check(name, s)
	}
	for name, p := range doc.Components.Parameters {
		check("parameter "+name, p.Value.Schema)
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for _, p := range op.Parameters {
				check(method+" "+path+" "+p.Value.Name, p.Value.Schema)
			}
			if op.RequestBody != nil {
				for mt, c := range op.RequestBody.Value.Content {
					if c.Schema == nil && mt != "application/xml" { // a pacs.002 is bounded by the body's size (413)
						t.Errorf("%s %s: a %s body without a schema", method, path, mt)
					}
					check(method+" "+path+" body", c.Schema)
				}
			}
			for code, r := range op.Responses.Map() {
				for _, c := range r.Value.Content {
					check(method+" "+path+" "+code, c.Schema)
				}
				for name, h := range r.Value.Headers {
					check(method+" "+path+" "+code+" "+name, h.Value.Schema)
				}
			}
		}
	}
}

// Package openapitest checks a service's OpenAPI description against the routes its mux
// serves (apispec.Mux records them), so the documentation cannot drift from the API.
package openapitest

import (
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tradefin/tradefin/events/platform/apispec"
)

// methods are the keys of an OpenAPI path item that are operations; the others (summary,
// parameters, servers) describe the path.
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// CheckRoutes fails t unless spec (OpenAPI 3.1 YAML) documents exactly routes ("METHOD /path"
// as registered on the mux), both ways: every served route documented, every documented one
// served.
func CheckRoutes(t testing.TB, spec []byte, routes []string) {
	t.Helper()
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(spec, &doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("OpenAPI description: %v, version %q (want 3.1.0)", err, doc.OpenAPI)
	}
	// The description must load as the validator loads it: a flow-mapping comma in a description
	// silently turns the rest of it into keys YAML accepts and OpenAPI does not.
	if _, err := apispec.New(spec, 1); err != nil {
		t.Fatal(err)
	}
	if len(routes) == 0 {
		t.Fatal("the mux serves no routes: were they registered on an apispec.Mux?")
	}
	for _, r := range routes {
		method, path, ok := strings.Cut(r, " ")
		if !ok {
			t.Errorf("%q is served for every method: a pattern names its method", r)
			continue
		}
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("%s is served but not documented", r)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if slices.Contains(methods, method) && !slices.Contains(routes, strings.ToUpper(method)+" "+path) {
				t.Errorf("%s %s is documented but not served", strings.ToUpper(method), path)
			}
		}
	}
}

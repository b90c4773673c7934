// Package openapitest checks a service's OpenAPI description against the routes it serves, so
// the documentation cannot drift from the API.
package openapitest

import (
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// CheckRoutes fails t unless spec (OpenAPI 3.1 YAML) documents exactly routes ("METHOD /path"
// as given to http.ServeMux).
func CheckRoutes(t testing.TB, spec []byte, routes []string) {
	t.Helper()
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(spec, &doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("OpenAPI description: %v, version %q (want 3.1.0)", err, doc.OpenAPI)
	}
	for _, r := range routes {
		method, path, _ := strings.Cut(r, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("%s is served but not documented", r)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !slices.Contains(routes, strings.ToUpper(method)+" "+path) {
				t.Errorf("%s %s is documented but not served", strings.ToUpper(method), path)
			}
		}
	}
}

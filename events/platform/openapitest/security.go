package openapitest

import (
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// CheckSecurity fails t unless spec says every call needs a bearer token (bearerAuth) and every
// operation documents its 401, every command its 403 (a POST marked x-readonly, a query with a
// body, has nothing to forbid), and every read or command of one resource its 404 (a resource
// the caller may not see is answered so too).
func CheckSecurity(t testing.TB, spec []byte) {
	t.Helper()
	var doc struct {
		Security   []map[string][]string `yaml:"security"`
		Components struct {
			SecuritySchemes map[string]struct{ Type, Scheme string } `yaml:"securitySchemes"`
		} `yaml:"components"`
		Paths map[string]map[string]struct {
			Responses map[string]any `yaml:"responses"`
			ReadOnly  bool           `yaml:"x-readonly"`
		} `yaml:"paths"`
	}
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		t.Fatal(err)
	}
	if s := doc.Components.SecuritySchemes["bearerAuth"]; s.Type != "http" || s.Scheme != "bearer" || len(doc.Security) != 1 || doc.Security[0]["bearerAuth"] == nil {
		t.Errorf("bearerAuth: scheme %+v, security %v", s, doc.Security)
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if !slices.Contains(methods, method) {
				continue
			}
			want := []string{"401"}
			if method == "post" && !op.ReadOnly {
				want = append(want, "403")
			}
			if strings.Contains(path, "{") {
				want = append(want, "404")
			}
			for _, code := range want {
				if op.Responses[code] == nil {
					t.Errorf("%s %s does not document %s", strings.ToUpper(method), path, code)
				}
			}
		}
	}
}

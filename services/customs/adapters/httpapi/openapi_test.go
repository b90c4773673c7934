package httpapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tradefin/tradefin/events/platform/openapitest"
	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/app"
)

// routes are every endpoint Register mounts; the OpenAPI description must document each.
var routes = []string{
	"POST /v1/documents", "GET /v1/documents", "GET /v1/documents/{sha256}",
	"POST /v1/declarations", "GET /v1/declarations/{id}", "POST /v1/declarations/{id}/inspection",
	"POST /v1/declarations/{id}/clearance", "POST /v1/declarations/{id}/duty-assessment",
	"POST /v1/declarations/{id}/duty-payment", "POST /v1/declarations/{id}/duty-guarantee", "POST /v1/declarations/{id}/release",
	"POST /v1/shipments", "GET /v1/shipments/{id}", "POST /v1/shipments/{id}/events",
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	mux := http.NewServeMux()
	httpapi.Register(mux, app.Application{})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	spec, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	openapitest.CheckRoutes(t, spec, routes)
	checkSecurity(t, spec)
}

// checkSecurity: the description says every call needs a bearer token, and every operation
// documents its 401; every command its 403; every read or command of one resource its 404 (a
// resource the caller may not see is answered so too).
func checkSecurity(t *testing.T, spec []byte) {
	var doc struct {
		Security   []map[string][]string `yaml:"security"`
		Components struct {
			SecuritySchemes map[string]struct{ Type, Scheme string } `yaml:"securitySchemes"`
		} `yaml:"components"`
		Paths map[string]map[string]struct {
			Responses map[string]any `yaml:"responses"`
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
			want := []string{"401"}
			if method == "post" {
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

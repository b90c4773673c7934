package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/app"
)

// routes are every endpoint Register mounts; the OpenAPI description must document each.
var routes = []string{
	"POST /v1/documents", "GET /v1/documents/{sha256}",
	"POST /v1/declarations", "GET /v1/declarations/{id}", "POST /v1/declarations/{id}/inspection",
	"POST /v1/declarations/{id}/clearance", "POST /v1/declarations/{id}/duty-assessment",
	"POST /v1/declarations/{id}/duty-payment", "POST /v1/declarations/{id}/release",
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
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.NewDecoder(resp.Body).Decode(&doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi.yaml: %v, version %q", err, doc.OpenAPI)
	}
	for _, r := range routes {
		method, path, _ := strings.Cut(r, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("%s is not documented", r)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !slices.Contains(routes, strings.ToUpper(method)+" "+path) {
				t.Errorf("%s %s is documented but not served", method, path)
			}
		}
	}
}

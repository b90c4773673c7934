package httpapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tradefin/tradefin/events/openapitest"
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
}

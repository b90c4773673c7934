package httpapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tradefin/tradefin/events/platform/openapitest"
	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/app"
)

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
	openapitest.CheckRoutes(t, spec, httpapi.Routes())
	openapitest.CheckSecurity(t, spec)
}

package httpapi_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/tradefin/tradefin/events/platform/openapitest"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
)

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	resp, err := http.Get(server(t).URL + "/openapi.yaml")
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

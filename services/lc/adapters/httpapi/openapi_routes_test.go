package httpapi_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/tradefin/tradefin/events/platform/openapitest"
)

// routes are every endpoint Register mounts; the OpenAPI description must document each.
var routes = []string{
	"POST /v1/examinations",
	"POST /v1/letters-of-credit", "GET /v1/letters-of-credit/{id}", "POST /v1/letters-of-credit/{id}/issue",
	"POST /v1/letters-of-credit/{id}/advice", "POST /v1/letters-of-credit/{id}/acceptance",
	"POST /v1/letters-of-credit/{id}/amendments", "POST /v1/letters-of-credit/{id}/amendments/{n}/answer",
	"POST /v1/letters-of-credit/{id}/presentations", "POST /v1/letters-of-credit/{id}/presentations/{pid}/waiver",
	"POST /v1/letters-of-credit/{id}/presentations/{pid}/waiver/decision", "POST /v1/letters-of-credit/{id}/issue/approval",
}

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
	openapitest.CheckRoutes(t, spec, routes)
}

package main

import (
	"net/http"
	"testing"

	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/platform/openapitest"
	"github.com/tradefin/tradefin/workflows/tradeview"
	"github.com/tradefin/tradefin/workflows/verification"
)

// The worker's one description (/openapi.yaml) documents everything it serves under /v1/: the
// trade view and, beside it, the trade's verification.
func TestTheWorkersDescriptionDocumentsEveryRoute(t *testing.T) {
	mux := http.NewServeMux()
	apispec.ServeOpenAPI(mux, tradeview.OpenAPI())
	spec := openapitest.Served(t, mux)
	openapitest.CheckRoutes(t, spec, append(tradeview.Routes(), verification.Route))
}

package tradeview_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/platform/openapitest"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	mux := http.NewServeMux()
	platform.ServeOpenAPI(mux, tradeview.OpenAPI())
	spec := openapitest.Served(t, mux)
	// The worker serves the trade's verification beside the view, under this description
	// (workflows/verification.Route; cmd/worker's test checks the two agree).
	openapitest.CheckRoutes(t, spec, append(tradeview.Routes(), "GET /v1/trades/{id}/verification"))
	openapitest.CheckSecurity(t, spec)
}

// TestRequestsAreRefusedBeforeTheView: nobody is 401 and an oversized body 413, both before the
// view asks Temporal anything (it has no client here).
func TestRequestsAreRefusedBeforeTheView(t *testing.T) {
	mux := http.NewServeMux()
	tradeview.Register(mux, nil)
	h := identitytest.Middleware(map[string]identity.Actor{"ingrid": identitytest.Ingrid}, mux)
	for _, c := range []struct {
		who, body string
		status    int
	}{
		{"", "", http.StatusUnauthorized},
		{"ingrid", strings.Repeat("x", 1<<16+1), http.StatusRequestEntityTooLarge},
	} {
		req := httptest.NewRequest(http.MethodGet, "/v1/trades/T-1", strings.NewReader(c.body))
		req.Header.Set(identitytest.Header, c.who)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.status || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%q, %d bytes: %d %s, want a %d problem", c.who, len(c.body), rec.Code, rec.Body.String(), c.status)
		}
	}
}

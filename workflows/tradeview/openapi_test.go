package tradeview_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/platform/openapitest"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	mux := http.NewServeMux()
	apispec.ServeOpenAPI(mux, tradeview.OpenAPI())
	spec := openapitest.Served(t, mux)
	// The worker serves the trade's verification beside the view, under this description
	// (workflows/verification.Route; cmd/worker's test checks the two agree).
	openapitest.CheckRoutes(t, spec, append(tradeview.Routes(), "GET /v1/trades/{id}/verification"))
	openapitest.CheckSecurity(t, spec)
}

// TestRequestsAreRefusedBeforeTheView: nobody is 401, an oversized body 413, a trade ID over its
// bound and a wait outside 1–60 seconds 400, all before the view asks Temporal anything (it has
// no client here).
func TestRequestsAreRefusedBeforeTheView(t *testing.T) {
	mux := http.NewServeMux()
	tradeview.Register(mux, nil)
	h := identitytest.Middleware(map[string]identity.Actor{"ingrid": identitytest.Ingrid}, mux)
	for _, c := range []struct {
		who, path, body string
		status          int
	}{
		{"", "/v1/trades/T-1", "", http.StatusUnauthorized},
		{"ingrid", "/v1/trades/T-1", strings.Repeat("x", 1<<16+1), http.StatusRequestEntityTooLarge},
		{"ingrid", "/v1/trades/" + strings.Repeat("T", 65), "", http.StatusBadRequest},
		{"ingrid", "/v1/trades/T-1?wait=0", "", http.StatusBadRequest},
		{"ingrid", "/v1/trades/T-1?wait=61", "", http.StatusBadRequest},
		{"ingrid", "/v1/trades/T-1?wait=soon", "", http.StatusBadRequest},
	} {
		req := httptest.NewRequest(http.MethodGet, c.path, strings.NewReader(c.body))
		req.Header.Set(identitytest.Header, c.who)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.status || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%q %s, %d bytes: %d %s, want a %d problem", c.who, c.path, len(c.body), rec.Code, rec.Body.String(), c.status)
		}
	}
}

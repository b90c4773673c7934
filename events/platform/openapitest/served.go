package openapitest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Served is the description h serves at GET /openapi.yaml, without a token: it is public.
func Served(t testing.TB, h http.Handler) []byte {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.yaml", nil))
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/yaml" {
		t.Fatalf("GET /openapi.yaml: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	return rec.Body.Bytes()
}

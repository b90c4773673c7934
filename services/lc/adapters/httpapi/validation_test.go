package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/app"
)

// TestRequestsAreValidatedAgainstTheDescription: a request the OpenAPI description does not
// allow is refused with a problem naming every bad field before any handler runs: the API here
// has no application behind it, so a handler reached would fail the call.
func TestRequestsAreValidatedAgainstTheDescription(t *testing.T) {
	mux := http.NewServeMux()
	httpapi.Register(mux, app.Application{})
	s := httptest.NewServer(asActor(mux))
	t.Cleanup(s.Close)
	terms := exampleRequest(t)["terms"].(map[string]any)
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for key, val := range terms {
			m[key] = val
		}
		m[k] = v
		return m
	}
	for _, x := range []struct {
		name, path string
		body       any
		want       []string
	}{
		{"unknown field", "/v1/letters-of-credit", map[string]any{"id": "LC-V", "tradeId": "T-V", "terms": terms, "price": 1}, []string{"price"}},
		{"unknown nested field", "/v1/letters-of-credit", map[string]any{"id": "LC-V", "tradeId": "T-V", "terms": with("goods", map[string]any{"colour": "red"})}, []string{"terms.goods.colour"}},
		{"wrong types", "/v1/letters-of-credit", map[string]any{"id": 7, "tradeId": "T-V", "terms": with("amount", map[string]any{"minor": "lots", "currency": "EUR"})}, []string{"id", "terms.amount.minor"}},
		{"missing required fields", "/v1/letters-of-credit", map[string]any{"terms": terms}, []string{"id", "tradeId"}},
		{"bad date", "/v1/letters-of-credit/LC-V/issue", map[string]any{"issueDate": "tomorrow"}, []string{"issueDate"}},
		{"bad path parameter", "/v1/letters-of-credit/LC-V/amendments/first/answer", map[string]any{"accepted": true}, []string{"n"}},
		{"no body", "/v1/letters-of-credit/LC-V/presentations", nil, []string{"body"}},
	} {
		code, out := call(t, s, "exporter", "POST", x.path, x.body)
		var names []string
		for _, p := range out["invalid-params"].([]any) {
			names = append(names, p.(map[string]any)["name"].(string))
		}
		slices.Sort(names)
		if code != http.StatusBadRequest || !slices.Equal(names, x.want) {
			t.Errorf("%s: %d %v, want 400 naming %v", x.name, code, out, x.want)
		}
	}
	over := map[string]any{"id": "LC-V", "tradeId": "T-V", "terms": with("goods", map[string]any{"description": strings.Repeat("x", 1<<20)})}
	if code, out := call(t, s, "exporter", "POST", "/v1/letters-of-credit", over); code != http.StatusRequestEntityTooLarge || out["status"] != float64(413) {
		t.Errorf("over the bound: %d %v", code, out)
	}
	if code, _ := call(t, s, "", "POST", "/v1/letters-of-credit", map[string]any{"price": 1}); code != http.StatusUnauthorized {
		t.Errorf("nobody with a bad body: %d, want 401 first", code)
	}
}

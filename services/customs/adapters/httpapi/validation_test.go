package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/app"
)

// TestRequestsAreValidatedAgainstTheDescription: a request the OpenAPI description does not
// allow is refused with a problem naming every bad field before any handler runs: the API here
// has no application behind it, so a handler reached would fail the call.
func TestRequestsAreValidatedAgainstTheDescription(t *testing.T) {
	mux := http.NewServeMux()
	httpapi.Register(mux, app.Application{})
	srv := httptest.NewServer(asActor(mux))
	t.Cleanup(srv.Close)
	c := client{t, srv}
	fields := func(out map[string]any) []string {
		var names []string
		for _, p := range out["invalid-params"].([]any) {
			names = append(names, p.(map[string]any)["name"].(string))
		}
		slices.Sort(names)
		return names
	}
	line := map[string]any{"hsCode": "690721", "customsValue": map[string]any{"minor": 1, "currency": "EUR"}}
	lodge := func(change func(map[string]any)) map[string]any {
		d := map[string]any{"id": "D-1", "tradeId": "T-1", "direction": "export", "customsOffice": "PT000100",
			"originCountry": "PT", "destinationCountry": "SE", "lines": []any{line}}
		change(d)
		return d
	}
	for _, x := range []struct {
		name, path string
		body       any
		want       []string
	}{
		{"unknown field", "/v1/declarations", lodge(func(d map[string]any) { d["price"] = 1 }), []string{"price"}},
		{"unknown nested field", "/v1/declarations", lodge(func(d map[string]any) {
			d["lines"] = []any{map[string]any{"hsCode": "690721", "customsValue": map[string]any{"minor": 1, "currency": "EUR", "rate": 2}}}
		}), []string{"lines[0].customsValue.rate"}},
		{"wrong types", "/v1/declarations", lodge(func(d map[string]any) { d["originCountry"], d["lines"] = 7, "many" }), []string{"lines", "originCountry"}},
		{"missing required fields", "/v1/declarations", lodge(func(d map[string]any) { delete(d, "id"); delete(d, "lines") }), []string{"id", "lines"}},
		{"bad enum", "/v1/shipments/S-1/events", map[string]any{"eventCode": "SAIL", "classifier": "ACT", "location": "PTLIS", "eventTime": "2026-11-22T08:00:00Z"}, []string{"eventCode"}},
		{"bad date-time", "/v1/shipments/S-1/events", map[string]any{"eventCode": "LOAD", "classifier": "ACT", "location": "PTLIS", "eventTime": "yesterday"}, []string{"eventTime"}},
		{"no body", "/v1/declarations/D-1/inspection", nil, []string{"body"}},
	} {
		if out := c.must(http.StatusBadRequest, "exporter", "POST", x.path, x.body); !slices.Equal(fields(out), x.want) {
			t.Errorf("%s: names %v, want %v", x.name, fields(out), x.want)
		}
	}
	if out := c.must(http.StatusBadRequest, "exporter", "GET", "/v1/documents", nil); !slices.Equal(fields(out), []string{"tradeId"}) {
		t.Errorf("missing query parameter: %v", out)
	}
	// Over the bound (a document's content is the largest body), before it is read whole.
	big := map[string]any{"tradeId": "T-1", "kind": "commercial_invoice", "issuer": "I", "issueDate": "2026-11-20", "content": strings.Repeat("x", 8<<20)}
	c.must(http.StatusRequestEntityTooLarge, "exporter", "POST", "/v1/documents", big)
	// Nobody is 401 before the body is looked at.
	c.must(http.StatusUnauthorized, "", "POST", "/v1/declarations", map[string]any{"price": 1})
}

// TestAGoodRequestPassesTheDescription: the same API with its application lodges what the
// description allows.
func TestAGoodRequestPassesTheDescription(t *testing.T) {
	c := newServer(t, testenv.EventStores()["sqlite"](t))
	doc := map[string]any{"tradeId": "T-1", "kind": "commercial_invoice", "issuer": "Azulejos Lisboa Lda", "issueDate": "2026-11-20", "content": []byte("invoice")}
	if out := c.must(http.StatusCreated, "exporter", "POST", "/v1/documents", doc); out["sha256"] == "" {
		t.Errorf("registered: %v", out)
	}
}

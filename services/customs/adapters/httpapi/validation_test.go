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

// TestBoundsAtTheHTTPEdge: every identifier, string and list a request carries has a maximum
// in the description, refused (400 naming the field) before a handler runs, and a body over
// the bound is 413 on every endpoint that takes one. A trade ID follows the platform's rule
// (events/contracts CheckTradeID: at most 64 characters, no ':' or '/').
func TestBoundsAtTheHTTPEdge(t *testing.T) {
	mux := http.NewServeMux()
	httpapi.Register(mux, app.Application{}) // no application: a request that reaches a handler fails the call
	srv := httptest.NewServer(asActor(mux))
	t.Cleanup(srv.Close)
	c := client{t, srv}
	names := func(out map[string]any) string {
		var ns []string
		for _, p := range out["invalid-params"].([]any) {
			ns = append(ns, p.(map[string]any)["name"].(string))
		}
		slices.Sort(ns)
		return strings.Join(slices.Compact(ns), " ")
	}
	sha := strings.Repeat("ab", 32)
	doc := func(edit func(map[string]any)) map[string]any {
		d := map[string]any{"tradeId": "T-1", "kind": "commercial_invoice", "issuer": "I", "issueDate": "2026-11-20", "sha256": sha}
		edit(d)
		return d
	}
	line := map[string]any{"hsCode": "690721", "customsValue": map[string]any{"minor": 1, "currency": "EUR"}}
	lodge := func(edit func(map[string]any)) map[string]any {
		d := map[string]any{"id": "D-1", "tradeId": "T-1", "direction": "export", "customsOffice": "PT000100",
			"originCountry": "PT", "destinationCountry": "SE", "lines": []any{line}}
		edit(d)
		return d
	}
	for _, x := range []struct {
		name, method, path string
		body               any
		want               string
	}{
		{"a 300 KB trade ID", "POST", "/v1/documents", doc(func(d map[string]any) { d["tradeId"] = strings.Repeat("T", 300<<10) }), "tradeId"},
		{"a trade ID of 65 characters", "POST", "/v1/documents", doc(func(d map[string]any) { d["tradeId"] = strings.Repeat("T", 65) }), "tradeId"},
		{"a trade ID with a colon", "POST", "/v1/declarations", lodge(func(d map[string]any) { d["tradeId"] = "T:1" }), "tradeId"},
		{"a trade ID with a slash", "POST", "/v1/shipments", map[string]any{"id": "S-1", "tradeId": "T/1", "blNumber": "B", "onBoardDate": "2026-11-21",
			"vessel": "V", "portOfLoading": "PTLIS", "portOfDischarge": "SEGOT"}, "tradeId"},
		{"an issuer of 201 characters", "POST", "/v1/documents", doc(func(d map[string]any) { d["issuer"] = strings.Repeat("é", 201) }), "issuer"},
		{"a declaration ID of 101 characters", "POST", "/v1/declarations", lodge(func(d map[string]any) { d["id"] = strings.Repeat("D", 101) }), "id"},
		{"1000 goods items", "POST", "/v1/declarations", lodge(func(d map[string]any) { d["lines"] = slices.Repeat([]any{line}, 1000) }), "lines"},
		{"100 documents", "POST", "/v1/declarations", lodge(func(d map[string]any) { d["documents"] = slices.Repeat([]any{sha}, 100) }), "documents"},
		{"a document that is no SHA-256", "POST", "/v1/declarations", lodge(func(d map[string]any) { d["documents"] = []any{"invoice"} }), "documents[0]"},
		{"a description of 2001 characters", "POST", "/v1/declarations", lodge(func(d map[string]any) {
			d["lines"] = []any{map[string]any{"hsCode": "690721", "description": strings.Repeat("x", 2001), "customsValue": map[string]any{"minor": 1, "currency": "EUR"}}}
		}), "lines[0].description"},
		{"a note of 2001 characters", "POST", "/v1/declarations/D-1/inspection", map[string]any{"result": "passed", "note": strings.Repeat("x", 2001)}, "note"},
		{"a guarantor of 201 characters", "POST", "/v1/declarations/D-1/duty-guarantee", map[string]any{"amount": map[string]any{"minor": 1, "currency": "EUR"},
			"guarantor": strings.Repeat("G", 201), "reference": "G-1"}, "guarantor"},
		{"a path ID of 101 characters", "GET", "/v1/declarations/" + strings.Repeat("D", 101), nil, "id"},
		{"a document path that is no SHA-256", "GET", "/v1/documents/" + strings.Repeat("a", 65), nil, "sha256"},
		{"a listed trade ID of 65 characters", "GET", "/v1/documents?tradeId=" + strings.Repeat("T", 65), nil, "tradeId"},
	} {
		if out := c.must(http.StatusBadRequest, "exporter", x.method, x.path, x.body); names(out) != x.want {
			t.Errorf("%s: names %q, want %q", x.name, names(out), x.want)
		}
	}
	big := strings.Repeat("x", 8<<20)
	for _, path := range []string{"/v1/documents", "/v1/declarations", "/v1/shipments", "/v1/declarations/D-1/inspection", "/v1/shipments/S-1/events"} {
		if out := c.must(http.StatusRequestEntityTooLarge, "exporter", "POST", path, map[string]any{"note": big}); out["status"] != float64(413) {
			t.Errorf("%s: %v", path, out)
		}
	}
}

package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/adapters/tariff"
	"github.com/tradefin/tradefin/services/customs/app"
)

type client struct {
	t   *testing.T
	srv *httptest.Server
}

// do calls as actor in role and returns the status and the decoded JSON body.
func (c client) do(actor, role, method, path string, body any) (int, map[string]any) {
	c.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.srv.URL+path, bytes.NewReader(b))
	req.Header.Set(httpapi.RoleHeader, role)
	req.Header.Set(httpapi.ActorHeader, actor)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode >= 400 && !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		c.t.Errorf("%s %s: %d without a problem body", method, path, resp.StatusCode)
	}
	return resp.StatusCode, out
}

func (c client) must(want int, actor, role, method, path string, body any) map[string]any {
	c.t.Helper()
	code, out := c.do(actor, role, method, path, body)
	if code != want {
		c.t.Fatalf("%s %s as %s: %d %v, want %d", method, path, role, code, out, want)
	}
	return out
}

// TestTradeThroughCustoms drives the customs side of a trade through the API on a real event
// store: documents, the export declaration and its clearance, the bill of lading and DCSA
// events, the import declaration, duty, payment and release; with the refusals on the way and
// the outbox holding the integration events.
func TestTradeThroughCustoms(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			mux := http.NewServeMux()
			httpapi.Register(mux, app.New(store.New(events), tariff.Excerpt()))
			srv := httptest.NewServer(mux)
			defer srv.Close()
			c := client{t, srv}
			walk(t, c)

			pending, err := events.PendingOutbox(context.Background(), 100)
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, p := range pending {
				types = append(types, strings.TrimPrefix(p.Headers["ce_type"], "customs."))
			}
			want := "document_registered.v1 document_registered.v1 document_registered.v1 export_declared.v1 export_cleared.v1 document_registered.v1 " +
				"bill_of_lading_issued.v1 transport_event.v1 transport_event.v1 import_declared.v1 duty_assessed.v1 duty_paid.v1 import_released.v1"
			if strings.Join(types, " ") != want {
				t.Fatalf("outbox:\n got %s\nwant %s", strings.Join(types, " "), want)
			}
		})
	}
}

func walk(t *testing.T, c client) {
	docs := map[string]string{}
	for _, kind := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		body := map[string]any{"tradeId": "T-1", "kind": kind, "issuer": "Azulejos Lisboa Lda", "issueDate": "2026-11-22", "content": []byte(kind + " of T-1")}
		c.must(403, "Nordic", "customs-export", "POST", "/v1/documents", body)
		doc := c.must(201, "Azulejos", "exporter", "POST", "/v1/documents", body)
		c.must(200, "Azulejos", "exporter", "POST", "/v1/documents", body) // a retry finds it
		docs[kind] = doc["sha256"].(string)
	}
	if v := c.must(200, "anyone", "", "GET", "/v1/documents/"+docs["packing_list"], nil); v["tradeId"] != "T-1" || v["kind"] != "packing_list" {
		t.Fatalf("verify: %v", v)
	}
	c.must(404, "anyone", "", "GET", "/v1/documents/"+strings.Repeat("0", 64), nil)
	if v := c.must(200, "anyone", "", "GET", "/v1/documents?tradeId=T-1", nil); len(v["documents"].([]any)) != 3 ||
		v["documents"].([]any)[0].(map[string]any)["kind"] != "commercial_invoice" {
		t.Fatalf("documents of T-1: %v", v)
	}
	if v := c.must(200, "anyone", "", "GET", "/v1/documents?tradeId=T-1&sha256="+docs["packing_list"], nil); len(v["documents"].([]any)) != 1 {
		t.Fatalf("verify within T-1: %v", v)
	}
	if v := c.must(200, "anyone", "", "GET", "/v1/documents?tradeId=T-2&sha256="+docs["packing_list"], nil); len(v["documents"].([]any)) != 0 {
		t.Fatalf("T-1's packing list under T-2: %v", v)
	}
	c.must(400, "anyone", "", "GET", "/v1/documents", nil)

	decl := func(id, dir string, documents []string) map[string]any {
		return map[string]any{"id": id, "tradeId": "T-1", "direction": dir, "declarant": "Azulejos Lisboa Lda", "originCountry": "PT", "destinationCountry": "SE",
			"lines":     []any{map[string]any{"hsCode": "690721", "description": "glazed ceramic tiles", "customsValue": map[string]any{"minor": 8400000, "currency": "EUR"}}},
			"documents": documents}
	}
	export := decl("EXP-1", "export", []string{docs["commercial_invoice"], docs["packing_list"], docs["certificate_of_origin"]})
	c.must(403, "Nordic", "importer", "POST", "/v1/declarations", export)
	bad := decl("EXP-1", "export", nil)
	bad["originCountry"] = "XX"
	if out := c.must(400, "Azulejos", "exporter", "POST", "/v1/declarations", bad); !strings.Contains(toJSON(out["invalid-params"]), "originCountry") {
		t.Fatalf("bad country: %v", out)
	}
	c.must(422, "Azulejos", "exporter", "POST", "/v1/declarations", decl("EXP-0", "export", []string{docs["commercial_invoice"]}))
	if v := c.must(201, "Azulejos", "exporter", "POST", "/v1/declarations", export); v["riskLane"] != "GREEN" || v["status"] != "LODGED" {
		t.Fatalf("lodged: %v", v)
	}
	c.must(200, "Azulejos", "exporter", "POST", "/v1/declarations", export)
	changed := decl("EXP-1", "export", export["documents"].([]string))
	changed["declarant"] = "Someone Else"
	c.must(409, "Azulejos", "exporter", "POST", "/v1/declarations", changed)
	c.must(403, "Azulejos", "exporter", "POST", "/v1/declarations/EXP-1/clearance", nil)
	if v := c.must(200, "PT-AT", "customs-export", "POST", "/v1/declarations/EXP-1/clearance", nil); v["status"] != "CLEARED" {
		t.Fatalf("cleared: %v", v)
	}

	bl := c.must(201, "MAEU", "carrier", "POST", "/v1/documents", map[string]any{"tradeId": "T-1", "kind": "bill_of_lading", "issuer": "MAEU", "issueDate": "2026-11-22", "content": []byte("B/L")})
	ship := map[string]any{"id": "SHP-1", "tradeId": "T-1", "blNumber": "MAEU1", "onBoardDate": "2026-11-22", "vessel": "MAERSK LISBOA", "voyage": "245N",
		"portOfLoading": "PTLIS", "portOfDischarge": "SEGOT", "documentSha256": bl["sha256"]}
	c.must(201, "MAEU", "carrier", "POST", "/v1/shipments", ship)
	c.must(422, "MAEU", "carrier", "POST", "/v1/shipments/SHP-1/events", map[string]any{"eventCode": "DISC", "classifier": "ACT", "location": "SEGOT", "eventTime": "2026-11-22T10:00:00Z"})
	c.must(200, "MAEU", "carrier", "POST", "/v1/shipments/SHP-1/events", map[string]any{"eventCode": "LOAD", "classifier": "ACT", "location": "PTLIS", "eventTime": "2026-11-22T08:00:00Z"})
	if v := c.must(200, "MAEU", "carrier", "POST", "/v1/shipments/SHP-1/events", map[string]any{"eventCode": "DEPA", "classifier": "ACT", "location": "PTLIS", "eventTime": "2026-11-22T09:00:00Z"}); len(v["events"].([]any)) != 2 {
		t.Fatalf("shipment: %v", v)
	}

	imp := decl("IMP-1", "import", nil)
	c.must(201, "Nordic", "importer", "POST", "/v1/declarations", imp)
	c.must(422, "SE", "customs-import", "POST", "/v1/declarations/IMP-1/release", nil)
	v := c.must(200, "SE", "customs-import", "POST", "/v1/declarations/IMP-1/duty-assessment", nil)
	if toJSON(v["duty"]) != `{"currency":"EUR","minor":420000}` { // 84,000.00 EUR at 5 %
		t.Fatalf("duty: %v", v["duty"])
	}
	c.must(422, "Nordic", "importer", "POST", "/v1/declarations/IMP-1/duty-payment", map[string]any{"amount": map[string]any{"minor": 1, "currency": "EUR"}, "reference": "R1"})
	c.must(200, "Nordic", "importer", "POST", "/v1/declarations/IMP-1/duty-payment", map[string]any{"amount": v["duty"], "reference": "R1"})
	if v := c.must(200, "SE", "customs-import", "POST", "/v1/declarations/IMP-1/release", nil); v["status"] != "RELEASED" {
		t.Fatalf("released: %v", v)
	}
	c.must(404, "anyone", "", "GET", "/v1/declarations/NOPE", nil)
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

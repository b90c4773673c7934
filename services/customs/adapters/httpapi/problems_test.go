package httpapi_test

import (
	"strings"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestProblems checks the problem responses a client meets off the happy path: nobody calling,
// malformed bodies, fields named in invalid-params, and the red lane's inspection by HTTP.
func TestProblems(t *testing.T) {
	c := newServer(t, testenv.EventStores()["sqlite"](t))

	param := func(out map[string]any) string {
		ps, _ := out["invalid-params"].([]any)
		if len(ps) == 0 {
			return ""
		}
		return ps[0].(map[string]any)["name"].(string)
	}
	doc := map[string]any{"tradeId": "T-9", "kind": "commercial_invoice", "issuer": "I", "issueDate": "2026-11-20", "sha256": strings.Repeat("a", 64)}
	c.must(401, "", "POST", "/v1/documents", doc)
	withExtra := map[string]any{"tradeId": "T-9", "kind": "commercial_invoice", "issuer": "I", "issueDate": "2026-11-20", "sha256": strings.Repeat("a", 64), "price": 1}
	if out := c.must(400, "exporter", "POST", "/v1/documents", withExtra); !strings.Contains(toJSON(out), "price") {
		t.Errorf("unknown field: %v", out)
	}
	if out := c.must(400, "exporter", "POST", "/v1/documents", map[string]any{"tradeId": 7}); param(out) != "tradeId" {
		t.Errorf("wrong type: %v", out)
	}
	mismatch := map[string]any{"tradeId": "T-9", "kind": "commercial_invoice", "issuer": "I", "issueDate": "2026-11-20", "sha256": strings.Repeat("a", 64), "content": []byte("x")}
	if out := c.must(400, "exporter", "POST", "/v1/documents", mismatch); param(out) != "sha256" {
		t.Errorf("content and hash disagree: %v", out)
	}
	if out := c.must(400, "exporter", "POST", "/v1/documents", map[string]any{"tradeId": "T-9", "kind": "invoice", "issuer": "I", "issueDate": "2026-11-20", "content": []byte("x")}); param(out) != "kind" {
		t.Errorf("unknown kind: %v", out)
	}

	var docs []string
	for _, kind := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		out := c.must(201, "exporter", "POST", "/v1/documents", map[string]any{"tradeId": "T-9", "kind": kind, "issuer": "I", "issueDate": "2026-11-20", "content": []byte(kind)})
		docs = append(docs, out["sha256"].(string))
	}
	arms := map[string]any{"id": "E-9", "tradeId": "T-9", "direction": "export", "customsOffice": "PT000100", "originCountry": "BE", "destinationCountry": "US", "documents": docs,
		"lines": []any{map[string]any{"hsCode": "930320", "description": "sporting shotguns", "customsValue": map[string]any{"minor": 250000, "currency": "EUR"}}}}
	if out := c.must(201, "exporter", "POST", "/v1/declarations", arms); out["riskLane"] != "RED" || out["riskReason"] == "" {
		t.Fatalf("lane: %v", out)
	}
	c.must(422, "export-customs", "POST", "/v1/declarations/E-9/clearance", nil)
	c.must(403, "exporter", "POST", "/v1/declarations/E-9/inspection", map[string]any{"result": "passed"})
	if out := c.must(400, "export-customs", "POST", "/v1/declarations/E-9/inspection", map[string]any{"result": "ok"}); param(out) != "result" {
		t.Errorf("bad result: %v", out)
	}
	c.must(404, "export-customs", "POST", "/v1/declarations/NOPE/inspection", map[string]any{"result": "passed"})
	out := c.must(200, "export-customs", "POST", "/v1/declarations/E-9/inspection", map[string]any{"result": "passed", "note": "licence checked"})
	if insp := out["inspection"].(map[string]any); insp["passed"] != true || toJSON(insp["actor"]) != `{"client":"test","org":"PT000100","user":"marta"}` || out["status"] != "INSPECTED" {
		t.Fatalf("inspected: %v", out)
	}
	c.must(409, "export-customs", "POST", "/v1/declarations/E-9/inspection", map[string]any{"result": "failed"})
	c.must(200, "export-customs", "POST", "/v1/declarations/E-9/clearance", nil)
	c.must(404, "import-customs", "POST", "/v1/declarations/E-9/duty-assessment", nil) // not its office: not its to see
	c.must(422, "export-customs", "POST", "/v1/declarations/E-9/duty-assessment", nil) // duty is assessed on imports

	ship := map[string]any{"id": "S-9", "tradeId": "T-9", "blNumber": "B9", "onBoardDate": "2026-11-21", "vessel": "V", "voyage": "1", "portOfLoading": "BEANR", "portOfDischarge": "USNYC"}
	c.must(403, "exporter", "POST", "/v1/shipments", ship)
	bad := map[string]any{"id": "S-9", "tradeId": "T-9", "blNumber": "B9", "onBoardDate": "2026-11-21", "vessel": "V", "voyage": "1", "portOfLoading": "ANTWERP", "portOfDischarge": "USNYC"}
	if out := c.must(400, "carrier", "POST", "/v1/shipments", bad); param(out) != "portOfLoading" {
		t.Errorf("not a UN/LOCODE: %v", out)
	}
	c.must(201, "carrier", "POST", "/v1/shipments", ship)
	if out := c.must(400, "carrier", "POST", "/v1/shipments/S-9/events", map[string]any{"eventCode": "LOAD", "classifier": "ACT", "location": "BEANR", "eventTime": "2026-11-21 08:00"}); param(out) != "eventTime" {
		t.Errorf("time not RFC 3339: %v", out)
	}
	if out := c.must(400, "carrier", "POST", "/v1/shipments/S-9/events", map[string]any{"eventCode": "GTIN", "classifier": "ACT", "location": "BEANR", "eventTime": "2026-11-21T08:00:00Z"}); param(out) != "eventCode" {
		t.Errorf("a DCSA code this service does not take: %v", out)
	}
	c.must(404, "carrier", "POST", "/v1/shipments/S-0/events", map[string]any{"eventCode": "LOAD", "classifier": "ACT", "location": "BEANR", "eventTime": "2026-11-21T08:00:00Z"})

	// Import released on a guarantee before the duty is paid (UCC Art. 195).
	imp := map[string]any{"id": "I-9", "tradeId": "T-9", "direction": "import", "customsOffice": "SE000100", "originCountry": "CN", "destinationCountry": "SE",
		"lines": []any{map[string]any{"hsCode": "940161", "description": "upholstered seats", "customsValue": map[string]any{"minor": 1_000_000, "currency": "EUR"}}}}
	c.must(201, "importer", "POST", "/v1/declarations", imp)
	duty := c.must(200, "import-customs", "POST", "/v1/declarations/I-9/duty-assessment", nil)["duty"]
	if toJSON(duty) != `{"currency":"EUR","minor":27000}` { // 10,000.00 EUR at 2.7 %
		t.Fatalf("duty: %v", duty)
	}
	guarantee := map[string]any{"amount": duty, "guarantor": "Deutsche Bank", "reference": "AVAL-1"}
	c.must(403, "import-customs", "POST", "/v1/declarations/I-9/duty-guarantee", guarantee) // its office: sees it, may not guarantee
	c.must(404, "outsider", "POST", "/v1/declarations/I-9/duty-guarantee", guarantee)       // party to nothing: as if I-9 did not exist
	if out := c.must(400, "importer", "POST", "/v1/declarations/I-9/duty-guarantee", map[string]any{"amount": duty, "reference": "AVAL-1"}); param(out) != "guarantor" {
		t.Errorf("no guarantor: %v", out)
	}
	out = c.must(200, "importer", "POST", "/v1/declarations/I-9/duty-guarantee", guarantee)
	if out["status"] != "GUARANTEED" || out["dutyGuarantee"].(map[string]any)["guarantor"] != "Deutsche Bank" {
		t.Fatalf("guaranteed: %v", out)
	}
	if out := c.must(200, "import-customs", "POST", "/v1/declarations/I-9/release", nil); out["status"] != "RELEASED" {
		t.Fatalf("released: %v", out)
	}
}

package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/adapters/inbox"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/adapters/tariff"
	"github.com/tradefin/tradefin/services/customs/app"
)

type client struct {
	t   *testing.T
	srv *httptest.Server
}

// do calls as one of actors ("": nobody) and returns the status and the decoded JSON body.
func (c client) do(who, method, path string, body any) (int, map[string]any) {
	c.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.srv.URL+path, bytes.NewReader(b))
	req.Header.Set(testActor, who)
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
	if resp.StatusCode == http.StatusUnauthorized && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
		c.t.Errorf("%s %s: 401 without a Bearer challenge", method, path)
	}
	return resp.StatusCode, out
}

func (c client) must(want int, who, method, path string, body any) map[string]any {
	c.t.Helper()
	code, out := c.do(who, method, path, body)
	if code != want {
		c.t.Fatalf("%s %s as %q: %d %v, want %d", method, path, who, code, out, want)
	}
	return out
}

// tradeWait is how long a creation waits here for a trade customs does not know.
const tradeWait = 200 * time.Millisecond

// newServer serves the customs API on a real event store behind the test's stand-in for the
// bearer middleware, with the trades T-1 and T-9 known: their credit applications (Nordic
// imports from Azulejos) handled by the lc.applied.v1 consumer's handler.
func newServer(t *testing.T, events eventstore.Store) client {
	for _, trade := range []string{"T-1", "T-9"} {
		applied(t, events, trade)
	}
	mux := http.NewServeMux()
	httpapi.Register(mux, app.New(store.New(events), tariff.Excerpt(), tradeWait))
	srv := httptest.NewServer(asActor(mux))
	t.Cleanup(srv.Close)
	return client{t, srv}
}

// applied hands customs the credit application that opens trade, as Kafka would.
func applied(t *testing.T, events eventstore.Store, trade string) {
	t.Helper()
	ev := contracts.LCApplied{TradeID: trade, Actor: actors["importer"].Stamp(), LCID: "LC-" + trade, Applicant: "Nordic Imports AB", Beneficiary: "Azulejos Lisboa Lda",
		ApplicantOrg: actors["importer"].Org, BeneficiaryOrg: actors["exporter"].Org, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: money.New(84_000_00, money.MustCurrency("EUR")), ExpiryDate: "2027-01-15", ExpiryPlace: "Lisbon"}
	msg, _, err := eventbus.Encode(context.Background(), "/tradefin/lc", trade, "applied-"+trade, ev)
	if err != nil {
		t.Fatal(err)
	}
	if err := (inbox.Applied{Store: events}).Handle(msg); err != nil {
		t.Fatalf("lc.applied.v1 of %s: %v", trade, err)
	}
}

// TestTradeThroughCustoms drives the customs side of a trade through the API on a real event
// store: documents, the export declaration and its clearance, the bill of lading and DCSA
// events, the import declaration, duty, payment and release; with the refusals on the way and
// the outbox holding the integration events.
func TestTradeThroughCustoms(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			walk(t, newServer(t, events))

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
			// Each integration event says who acted: the clearance is Lisbon's officer's.
			m := pending[4]
			msg := message.NewMessage(m.ID, m.Payload)
			msg.Metadata = m.Headers
			env, err := eventbus.Decode(msg)
			if err != nil || env.Data.(*contracts.ExportCleared).Actor != actors["export-customs"].Stamp() {
				t.Errorf("export cleared: %+v %v", env.Data, err)
			}
		})
	}
}

func walk(t *testing.T, c client) {
	docs := map[string]string{}
	for _, kind := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		body := map[string]any{"tradeId": "T-1", "kind": kind, "issuer": "Azulejos Lisboa Lda", "issueDate": "2026-11-22", "content": []byte(kind + " of T-1")}
		c.must(403, "export-customs", "POST", "/v1/documents", body)
		doc := c.must(201, "exporter", "POST", "/v1/documents", body)
		c.must(200, "exporter", "POST", "/v1/documents", body) // a retry finds it
		c.must(403, "importer", "POST", "/v1/documents", body) // a document has one registrant: its ID is not the importer's to use
		docs[kind] = doc["sha256"].(string)
	}
	if v := c.must(200, "exporter", "GET", "/v1/documents/"+docs["packing_list"], nil); v["tradeId"] != "T-1" || v["kind"] != "packing_list" ||
		toJSON(v["registeredBy"]) != `{"kind":"trader","org":"5493002AZULEJOSLX028"}` {
		t.Fatalf("verify: %v", v)
	}
	c.must(404, "importer", "GET", "/v1/documents/"+docs["packing_list"], nil) // not (yet) its to see
	c.must(404, "exporter", "GET", "/v1/documents/"+strings.Repeat("0", 64), nil)
	if v := c.must(200, "exporter", "GET", "/v1/documents?tradeId=T-1", nil); len(v["documents"].([]any)) != 3 ||
		v["documents"].([]any)[0].(map[string]any)["kind"] != "commercial_invoice" {
		t.Fatalf("documents of T-1: %v", v)
	}
	if v := c.must(200, "auditor", "GET", "/v1/documents?tradeId=T-1", nil); len(v["documents"].([]any)) != 3 {
		t.Fatalf("the auditor reads every trade: %v", v)
	}
	if v := c.must(200, "outsider", "GET", "/v1/documents?tradeId=T-1", nil); len(v["documents"].([]any)) != 0 {
		t.Fatalf("an outsider lists T-1's documents: %v", v)
	}
	if v := c.must(200, "exporter", "GET", "/v1/documents?tradeId=T-1&sha256="+docs["packing_list"], nil); len(v["documents"].([]any)) != 1 {
		t.Fatalf("verify within T-1: %v", v)
	}
	if v := c.must(200, "exporter", "GET", "/v1/documents?tradeId=T-2&sha256="+docs["packing_list"], nil); len(v["documents"].([]any)) != 0 {
		t.Fatalf("T-1's packing list under T-2: %v", v)
	}
	c.must(400, "exporter", "GET", "/v1/documents", nil)

	export := declarationBody("EXP-1", "export", docs["commercial_invoice"], docs["packing_list"], docs["certificate_of_origin"])
	c.must(403, "importer", "POST", "/v1/declarations", export) // it names the exporter as declarant
	bad := declarationBody("EXP-1", "export")
	bad["originCountry"] = "XX"
	if out := c.must(400, "exporter", "POST", "/v1/declarations", bad); !strings.Contains(toJSON(out["invalid-params"]), "originCountry") {
		t.Fatalf("bad country: %v", out)
	}
	c.must(422, "exporter", "POST", "/v1/declarations", declarationBody("EXP-0", "export", docs["commercial_invoice"]))
	if v := c.must(201, "exporter", "POST", "/v1/declarations", export); v["riskLane"] != "GREEN" || v["status"] != "LODGED" ||
		v["declarant"] != "5493002AZULEJOSLX028" || v["customsOffice"] != "PT000100" || v["lodgedBy"].(map[string]any)["user"] != "joao" {
		t.Fatalf("lodged: %v", v)
	}
	c.must(200, "exporter", "POST", "/v1/declarations", export)
	changed := declarationBody("EXP-1", "export", docs["commercial_invoice"], docs["packing_list"], docs["certificate_of_origin"])
	changed["destinationCountry"] = "NO"
	c.must(409, "exporter", "POST", "/v1/declarations", changed)
	c.must(403, "exporter", "POST", "/v1/declarations/EXP-1/clearance", nil)
	c.must(404, "import-customs", "POST", "/v1/declarations/EXP-1/clearance", nil) // not the office it was lodged with: not its to see
	if v := c.must(200, "export-customs", "POST", "/v1/declarations/EXP-1/clearance", nil); v["status"] != "CLEARED" {
		t.Fatalf("cleared: %v", v)
	}
	if v := c.must(200, "export-customs", "GET", "/v1/documents/"+docs["packing_list"], nil); v["kind"] != "packing_list" {
		t.Fatalf("export customs verifies a document the declaration relies on: %v", v)
	}

	bl := c.must(201, "carrier", "POST", "/v1/documents", map[string]any{"tradeId": "T-1", "kind": "bill_of_lading", "issuer": "MAEU", "issueDate": "2026-11-22", "content": []byte("B/L")})
	ship := shipmentBody("SHP-1", bl["sha256"].(string))
	c.must(403, "exporter", "POST", "/v1/shipments", ship)
	if v := c.must(201, "carrier", "POST", "/v1/shipments", ship); v["carrier"] != "MAEU" || v["consignee"] != "5493001NORDICIMP0058" {
		t.Fatalf("issued: %v", v)
	}
	c.must(422, "carrier", "POST", "/v1/shipments/SHP-1/events", map[string]any{"eventCode": "DISC", "classifier": "ACT", "location": "SEGOT", "eventTime": "2026-11-22T10:00:00Z"})
	c.must(200, "carrier", "POST", "/v1/shipments/SHP-1/events", map[string]any{"eventCode": "LOAD", "classifier": "ACT", "location": "PTLIS", "eventTime": "2026-11-22T08:00:00Z"})
	if v := c.must(200, "carrier", "POST", "/v1/shipments/SHP-1/events", map[string]any{"eventCode": "DEPA", "classifier": "ACT", "location": "PTLIS", "eventTime": "2026-11-22T09:00:00Z"}); len(v["events"].([]any)) != 2 {
		t.Fatalf("shipment: %v", v)
	}

	// The B/L consigns the goods to the importer: it declares them, relying on the trade's invoice.
	imp := declarationBody("IMP-1", "import", docs["commercial_invoice"])
	c.must(403, "outsider", "POST", "/v1/declarations", declarationBody("IMP-1", "import"))
	c.must(201, "importer", "POST", "/v1/declarations", imp)
	c.must(422, "import-customs", "POST", "/v1/declarations/IMP-1/release", nil)
	v := c.must(200, "import-customs", "POST", "/v1/declarations/IMP-1/duty-assessment", nil)
	if toJSON(v["duty"]) != `{"currency":"EUR","minor":420000}` { // 84,000.00 EUR at 5 %
		t.Fatalf("duty: %v", v["duty"])
	}
	c.must(422, "importer", "POST", "/v1/declarations/IMP-1/duty-payment", map[string]any{"amount": map[string]any{"minor": 1, "currency": "EUR"}, "reference": "R1"})
	c.must(404, "exporter", "POST", "/v1/declarations/IMP-1/duty-payment", map[string]any{"amount": v["duty"], "reference": "R1"}) // not its to see
	c.must(200, "importer", "POST", "/v1/declarations/IMP-1/duty-payment", map[string]any{"amount": v["duty"], "reference": "R1"})
	if v := c.must(200, "import-customs", "POST", "/v1/declarations/IMP-1/release", nil); v["status"] != "RELEASED" {
		t.Fatalf("released: %v", v)
	}
	c.must(404, "importer", "GET", "/v1/declarations/NOPE", nil)
}

// declarationBody is an export or import of T-1's tiles, lodged with Lisbon or Gothenburg.
func declarationBody(id, dir string, documents ...string) map[string]any {
	office := map[string]string{"export": "PT000100", "import": "SE000100"}[dir]
	declarant := map[string]string{"export": "5493002AZULEJOSLX028", "import": "5493001NORDICIMP0058"}[dir]
	return map[string]any{"id": id, "tradeId": "T-1", "direction": dir, "declarant": declarant, "customsOffice": office,
		"originCountry": "PT", "destinationCountry": "SE", "documents": documents,
		"lines": []any{map[string]any{"hsCode": "690721", "description": "glazed ceramic tiles", "customsValue": map[string]any{"minor": 8400000, "currency": "EUR"}}}}
}

// shipmentBody is T-1's B/L from Lisbon to Gothenburg, shipped by the exporter to the importer.
func shipmentBody(id, sha string) map[string]any {
	b := map[string]any{"id": id, "tradeId": "T-1", "blNumber": "MAEU1", "onBoardDate": "2026-11-22", "vessel": "MAERSK LISBOA", "voyage": "245N",
		"portOfLoading": "PTLIS", "portOfDischarge": "SEGOT", "shipper": "5493002AZULEJOSLX028", "consignee": "5493001NORDICIMP0058"}
	if sha != "" {
		b["documentSha256"] = sha
	}
	return b
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

//go:build !unit

package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/service"
)

// The happy path's request bodies, exactly as a client posts them (%s: the trade ID).
const (
	applyBody = `{"id":"LC-%[1]s","tradeId":"%[1]s","terms":{"number":"ILC-2026-0001",
 "applicant":{"name":"Nordic Imports AB","address":"Sveavagen 1, Stockholm"},
 "beneficiary":{"id":"5493002AZULEJOSLX028","name":"Azulejos Lisboa Lda","address":"Rua Augusta 10, Lisboa"},
 "issuingBank":"ESSESESS","advisingBank":"BCOMPTPL",
 "amount":{"minor":8400000,"currency":"EUR"},
 "expiryDate":"2026-12-31","expiryPlace":"Lisbon","latestShipment":"2026-12-15",
 "partialShipments":"NOT ALLOWED","transhipment":"NOT ALLOWED",
 "portOfLoading":"PTLIS","portOfDischarge":"SEGOT",
 "goods":{"description":"ceramic floor tiles","quantity":1200,"unit":"cartons","countedInUnits":true},
 "documentsRequired":["commercial_invoice","bill_of_lading","packing_list","certificate_of_origin"],
 "beneficiaryAccount":"PT50000201231234567890154","accountCurrency":"USD"}}`
	issueBody   = `{"issueDate":"2026-11-02"}`
	adviceBody  = `{"advisedOn":"2026-11-03"}`
	acceptBody  = `{"acceptedOn":"2026-11-04"}`
	presentBody = `{"presentationId":"P-1","presentation":{"documents":[
 {"kind":"commercial_invoice","issueDate":"2026-12-01","issuer":"Azulejos Lisboa Lda","madeOutTo":"Nordic Imports AB",
  "amount":{"minor":8400000,"currency":"EUR"},"goodsDescription":"Ceramic floor tiles, grade A","quantity":1200},
 {"kind":"bill_of_lading","issueDate":"2026-12-01","onBoardNotation":true,"onBoardDate":"2026-12-01",
  "portOfLoading":"PTLIS","portOfDischarge":"SEGOT"},
 {"kind":"packing_list","issueDate":"2026-12-01","issuer":"Azulejos Lisboa Lda","goodsDescription":"Ceramic floor tiles","quantity":1200},
 {"kind":"certificate_of_origin","issueDate":"2026-12-01","issuer":"Camara de Comercio e Industria Portuguesa",
  "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}]}}`
)

var importer, exporter, issuer, adviser = identitytest.Ingrid, identitytest.Joao, identitytest.Erik, identitytest.Ana

// TestHappyPathReachesKafka runs the service as the end-to-end test does (in-process, SQLite,
// the real Kafka-protocol broker): apply, issue, advise, accept and a complying presentation
// through the HTTP API come out on Kafka as decodable integration events, in order, keyed by the
// trade, each with its stored event's ID; the honour carries the beneficiary's account.
func TestHappyPathReachesKafka(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	brokers := testenv.KafkaBrokers(t)
	svc, err := service.New(ctx, service.Config{DataDir: t.TempDir(), KafkaBrokers: brokers, KafkaSASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() }) // after the background work stops (cleanups run last first)
	testenv.Background(t, svc.Run)

	trade := fmt.Sprintf("T-LC-%d", time.Now().UnixNano())
	lcID := "LC-" + trade
	// The bearer middleware's part, for this test: it puts the caller named by the test in the
	// request's context (real tokens: deploy/e2e).
	parties := map[string]identity.Actor{}
	for _, a := range []identity.Actor{importer, issuer, adviser, exporter} {
		parties[a.Subject] = a
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		svc.HTTP.ServeHTTP(w, r.WithContext(identity.WithActor(r.Context(), parties[r.Header.Get("Test-Actor")])))
	}))
	defer srv.Close()
	post := func(by identity.Actor, path, body string, want int) map[string]any {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+path, strings.NewReader(body))
		req.Header.Set("Test-Actor", by.Subject)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		if resp.StatusCode != want {
			t.Fatalf("POST %s: %d %v", path, resp.StatusCode, out)
		}
		return out
	}
	credit := "/v1/letters-of-credit/" + lcID
	post(importer, "/v1/letters-of-credit", fmt.Sprintf(applyBody, trade), 201)
	post(importer, "/v1/letters-of-credit", fmt.Sprintf(applyBody, trade), 200) // a retry
	post(issuer, credit+"/issue", issueBody, 200)
	post(adviser, credit+"/advice", adviceBody, 200)
	post(exporter, credit+"/acceptance", acceptBody, 200)
	if res := post(exporter, credit+"/presentations", presentBody, 200); res["compliant"] != false {
		t.Fatalf("examination: %v", res) // the certificate's SHA-256 was never registered with customs (UCP 600 Art. 14(a))
	}
	post(issuer, credit+"/presentations/P-1/decision", `{"decision":"HONOUR"}`, 200) // the examiner honours all the same
	got, err := svc.App.Queries.Credit.Get(identity.WithActor(ctx, importer), lcID)
	if err != nil || got.Status != "HONOURED" || got.TradeID != trade {
		t.Fatalf("credit: %+v %v", got, err)
	}

	want := []string{"lc.applied.v1", "lc.issued.v1", "lc.advised.v1", "lc.accepted.v1", "lc.documents_presented.v1", "lc.honoured.v1"}
	var types []string
	for i, m := range testenv.TradeMessages(ctx, t, brokers, contracts.Topic("lc.applied.v1"), trade, len(want)) {
		env, err := eventbus.Decode(m)
		if err != nil {
			t.Fatal(err)
		}
		if v := int64(i + 1); env.ID != m.UUID || env.ID != store.EventID(lcID, v) || env.Source != "/tradefin/lc" {
			t.Errorf("%s: ce_id %q, message %q, want %q; source %q", env.Type, env.ID, m.UUID, store.EventID(lcID, v), env.Source)
		}
		if h, ok := env.Data.(*contracts.LCHonoured); ok && (h.BeneficiaryAccount != "PT50000201231234567890154" || h.AccountCurrency != "USD" ||
			h.Amount.Minor != 8_400_000 || h.Amount.Currency.String() != "EUR" || h.TradeID != trade) {
			t.Errorf("honoured: %+v", h)
		}
		if a, ok := env.Data.(*contracts.LCAdvised); ok && a.Actor != adviser.Stamp() {
			t.Errorf("advised by %+v, want %+v", a.Actor, adviser.Stamp())
		}
		// Expiring on Thursday 31 December in Lisbon (UTC+0): presentable until its end (UCP 600 Art. 6(d)(i)).
		if a, ok := env.Data.(*contracts.LCApplied); ok && (a.Actor != importer.Stamp() || a.ApplicantOrg != importer.Org || a.BeneficiaryOrg != exporter.Org ||
			a.PresentableUntil != "2027-01-01T00:00:00Z") {
			t.Errorf("applied: %+v", a)
		}
		if p, ok := env.Data.(*contracts.DocumentsPresented); ok && fmt.Sprint(p.Documents) != "[9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08]" {
			t.Errorf("presented: %+v", p)
		}
		types = append(types, env.Type)
	}
	if fmt.Sprint(types) != fmt.Sprint(want) {
		t.Fatalf("on Kafka:\n got %v\nwant %v", types, want)
	}
}

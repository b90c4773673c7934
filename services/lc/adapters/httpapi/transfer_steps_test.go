package httpapi_test

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestTransferStepsThroughTheAPI walks a transferred credit's later steps over HTTP, each by the
// party UCP 600 gives it, on a real event store and a clock the test moves:
//   - Art. 38(e)-(f): an amendment the first beneficiary accepts is advised to the second
//     beneficiary by the transferring bank, and the second beneficiary rejects it on its own, so
//     the transferred credit keeps its terms while the credit is amended;
//   - Art. 38(i): the first beneficiary does not substitute its invoice; the transferring bank
//     demands it, and on a later banking day presents the second beneficiary's documents as
//     received, which the issuing bank then examines.
func TestTransferStepsThroughTheAPI(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			now := time.Date(2026, time.December, 2, 10, 0, 0, 0, time.UTC) // a Wednesday, a banking day in Lisbon
			events := open(t)
			repo := store.NewRepository(events)
			a := app.New(repo, store.NewTradeClaims(events), app.Settings{Policy: domain.Policy{Calendars: calendars.Default()}, Now: func() time.Time { return now }}).
				WithExamination(store.NewRegisteredDocuments(events), store.NewExaminationIndex(events), repo)
			mux := http.NewServeMux()
			httpapi.Register(mux, a)
			s := httptest.NewServer(asActor(mux))
			t.Cleanup(s.Close)

			ex := exampleRequest(t)
			terms := maps.Clone(ex["terms"].(map[string]any))
			terms["form"] = "IRREVOCABLE TRANSFERABLE"
			lc := "/v1/letters-of-credit/LC-TR"
			step := func(actor, path string, body any, want int) map[string]any {
				t.Helper()
				code, out := call(t, s, actor, "POST", path, body)
				if code != want {
					t.Fatalf("%s %s: %d, want %d: %v", actor, path, code, want, out)
				}
				return out
			}
			step("importer", "/v1/letters-of-credit", map[string]any{"id": "LC-TR", "tradeId": "T-TR", "terms": terms}, 201)
			step("issuing-bank", lc+"/issue", map[string]any{"issueDate": "2026-11-02"}, 200)
			step("advising-bank", lc+"/advice", nil, 200)
			step("exporter", lc+"/transfer-request", map[string]any{"secondBeneficiary": map[string]any{"id": "5493004CERAMNORTE081", "name": "Ceramicas do Norte SA"},
				"amount": map[string]any{"minor": 7_000_000, "currency": "EUR"}, "amendmentsToSecondBeneficiary": true}, 200)
			step("advising-bank", lc+"/transfer", nil, 200)

			// Art. 38(e)-(f): the amendment, accepted by the first beneficiary, rejected by the second.
			step("issuing-bank", lc+"/amendments", map[string]any{"date": "2026-12-02", "newPortOfDischarge": "SEMMA"}, 200)
			step("advising-bank", lc+"/amendments/1/advice", nil, 200)
			step("exporter", lc+"/amendments/1/answer", map[string]any{"accepted": true}, 200)
			step("second-beneficiary", lc+"/transferred-credit/amendments/1/answer", map[string]any{"accepted": false}, 404) // not advised to it: no such amendment for it yet
			step("exporter", lc+"/transferred-credit/amendments/1/advice", nil, 403)
			step("advising-bank", lc+"/transferred-credit/amendments/1/advice", nil, 200)
			step("exporter", lc+"/transferred-credit/amendments/1/answer", map[string]any{"accepted": true}, 403)
			step("second-beneficiary", lc+"/transferred-credit/amendments/1/answer", map[string]any{"accepted": true, "excepted": []string{"44F"}}, 400)
			tr := step("second-beneficiary", lc+"/transferred-credit/amendments/1/answer", map[string]any{"accepted": false}, 200)
			if got := tr["terms"].(map[string]any)["portOfDischarge"]; got != "SEGOT" {
				t.Fatalf("the second beneficiary rejected the amendment, and the transferred credit discharges at %v", got)
			}
			if _, credit := call(t, s, "issuing-bank", "GET", lc, nil); credit["terms"].(map[string]any)["portOfDischarge"] != "SEMMA" {
				t.Fatalf("the first beneficiary accepted the amendment, and the credit is %v", credit["terms"])
			}

			// Art. 38(i): the second beneficiary presents; the first beneficiary never substitutes.
			p := presented(ex)
			docs := p["documents"].([]any)
			inv := maps.Clone(docs[0].(map[string]any))
			inv["issuer"], inv["amount"] = "Ceramicas do Norte SA", map[string]any{"minor": 7_000_000, "currency": "EUR"}
			docs[0] = inv
			step("second-beneficiary", lc+"/transferred-credit/presentations", map[string]any{"presentationId": "P-1", "presentation": p}, 200)
			step("exporter", lc+"/transferred-credit/presentations/P-1/substitution-demand", nil, 403)
			step("advising-bank", lc+"/transferred-credit/presentations/P-1/as-received", nil, 422) // no demand yet
			tr = step("advising-bank", lc+"/transferred-credit/presentations/P-1/substitution-demand", nil, 200)
			if got := tr["presentations"].([]any)[0].(map[string]any); got["demandedOn"] != "2026-12-02" || got["asReceived"] != false {
				t.Fatalf("after the demand: %v", got)
			}
			step("advising-bank", lc+"/transferred-credit/presentations/P-1/as-received", nil, 422) // the same day as the demand
			now = now.Add(24 * time.Hour)
			step("exporter", lc+"/transferred-credit/presentations/P-1/as-received", nil, 403)
			step("advising-bank", lc+"/transferred-credit/presentations/P-1/as-received", nil, 200)
			step("exporter", lc+"/transferred-credit/presentations/P-1/substitution", map[string]any{"invoice": docs[0]}, 409) // too late to substitute
			_, credit := call(t, s, "issuing-bank", "GET", lc, nil)
			ps, _ := credit["presentations"].([]any)
			if len(ps) != 1 || ps[0].(map[string]any)["id"] != "P-1" {
				t.Fatalf("the issuing bank has no presentation as received: %v", credit["presentations"])
			}
			_, tr = call(t, s, "second-beneficiary", "GET", lc+"/transferred-credit", nil)
			if got := tr["presentations"].([]any)[0].(map[string]any); got["asReceived"] != true {
				t.Fatalf("the transferred credit's presentation: %v", got)
			}
		})
	}
}

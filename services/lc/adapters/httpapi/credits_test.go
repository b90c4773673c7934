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
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

func creditServer(t *testing.T, events eventstore.Store) *httptest.Server {
	mux := http.NewServeMux()
	httpapi.Register(mux, newApp(events, domain.FourEyes{DefaultMajor: 1_000_000}))
	s := httptest.NewServer(asActor(mux))
	t.Cleanup(s.Close)
	return s
}

// newApp is the application on events, with the dev network's calendars.
func newApp(events eventstore.Store, fourEyes domain.FourEyes) app.Application {
	return app.New(store.NewRepository(events), store.NewTradeClaims(events), app.Settings{FourEyes: fourEyes, Policy: domain.Policy{Calendars: calendars.Default()}})
}

// call calls as one of actors.
func call(t *testing.T, s *httptest.Server, actor, method, path string, body any) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, s.URL+path, bytes.NewReader(b))
	req.Header.Set(testActor, actor)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// exampleRequest is the OpenAPI example's terms and presentation.
func exampleRequest(t *testing.T) map[string]any {
	body, _ := openAPIExample(t, server(t))
	var req map[string]any
	if err := json.Unmarshal([]byte(body), &req); err != nil {
		t.Fatal(err)
	}
	return req
}

// TestCreditThroughRefusalWaiverAndHonour drives a credit through the API on a real event
// store: apply, issue (MT700), a discrepant presentation (refusal, MT734), the waiver (MT752) and
// honour (MT754, MT756); then the stored events rebuild the same credit, and the outbox holds
// the integration events.
func TestCreditThroughRefusalWaiverAndHonour(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			s := creditServer(t, events)
			ex := exampleRequest(t)
			apply := map[string]any{"id": "LC-1", "tradeId": "T-1", "terms": ex["terms"]}
			if code, body := call(t, s, "exporter", "POST", "/v1/letters-of-credit", apply); code != 403 || body["status"] != float64(403) {
				t.Fatalf("an exporter applying: %d %v", code, body)
			}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != 201 || body["status"] != "APPLIED" {
				t.Fatalf("apply: %d %v", code, body)
			}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != 200 || body["id"] != "LC-1" {
				t.Fatalf("the same application again: %d %v", code, body)
			}
			if code, _ := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-1", "tradeId": "T-2", "terms": ex["terms"]}); code != 409 {
				t.Fatalf("another application with the same ID: %d", code)
			}
			code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-1/issue", map[string]any{"issueDate": "2026-11-02"})
			if code != 200 || body["status"] != "ISSUED" || !hasMessage(body, "MT700") {
				t.Fatalf("issue: %d %v", code, body)
			}
			// The advising bank named in the credit advises it (UCP 600 Art. 9); the beneficiary accepts.
			advice := map[string]any{"advisedOn": "2026-11-03"}
			if code, _ := call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-1/advice", advice); code != 403 {
				t.Fatalf("an exporter advising: %d", code)
			}
			if code, _ := call(t, s, "other-bank", "POST", "/v1/letters-of-credit/LC-1/advice", advice); code != 404 {
				t.Fatalf("a bank party to nothing advising: %d", code)
			}
			if code, body := call(t, s, "advising-bank", "POST", "/v1/letters-of-credit/LC-1/advice", map[string]any{"advisedOn": "2026-11-01"}); code != 400 || !namesField(body, "advisedOn") {
				t.Fatalf("advice before the issue: %d %v", code, body)
			}
			for range 2 { // a retried advice changes nothing
				if code, body := call(t, s, "advising-bank", "POST", "/v1/letters-of-credit/LC-1/advice", advice); code != 200 || body["status"] != "ADVISED" {
					t.Fatalf("advice: %d %v", code, body)
				}
			}
			if code, body := call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-1/acceptance", map[string]any{"acceptedOn": "2026-11-04"}); code != 200 || body["status"] != "ACCEPTED" {
				t.Fatalf("acceptance: %d %v", code, body)
			}
			if code, _ := call(t, s, "advising-bank", "POST", "/v1/letters-of-credit/LC-1/advice", map[string]any{"advisedOn": "2026-11-05"}); code != 409 {
				t.Fatalf("advising an accepted credit again: %d", code)
			}
			// An amendment (MT707) applies only once the beneficiary accepts it (UCP 600 Art. 10).
			amend := map[string]any{"date": "2026-11-20", "increase": map[string]any{"minor": 500000, "currency": "EUR"}}
			if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-1/amendments", amend); code != 200 || !hasMessage(body, "MT707") {
				t.Fatalf("amend: %d %v", code, body)
			}
			if code, _ := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-1/amendments/1/answer", map[string]any{"accepted": true}); code != 403 {
				t.Fatalf("the issuing bank answering for the beneficiary: %d", code)
			}
			// The advising bank that advised the credit advises its amendment first (Art. 9(d)).
			if code, body := call(t, s, "advising-bank", "POST", "/v1/letters-of-credit/LC-1/amendments/1/advice", nil); code != 200 {
				t.Fatalf("advice of the amendment: %d %v", code, body)
			}
			code, body = call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-1/amendments/1/answer", map[string]any{"accepted": true})
			if code != 200 || body["terms"].(map[string]any)["amount"].(map[string]any)["minor"] != float64(10500000) {
				t.Fatalf("accept amendment: %d %v", code, body)
			}
			pres := presented(ex)
			docs := pres["documents"].([]any)
			bl := docs[1].(map[string]any)
			bl["onBoardNotation"] = false
			req := map[string]any{"presentationId": "P-1", "presentation": pres}
			code, res := call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-1/presentations", req)
			if code != 200 || res["compliant"] != false {
				t.Fatalf("discrepant presentation: %d %v", code, res)
			}
			if code, _ := call(t, s, "advising-bank", "POST", "/v1/letters-of-credit/LC-1/presentations/P-1/decision", map[string]any{"decision": "REFUSE", "disposal": "NOTIFY"}); code != 403 {
				t.Fatalf("the advising bank deciding for the issuing bank's examiner: %d", code)
			}
			if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-1/presentations/P-1/decision", map[string]any{"decision": "REFUSE", "disposal": "NOTIFY"}); code != 200 {
				t.Fatalf("the examiner's refusal: %d %v", code, body)
			}
			_, got := call(t, s, "importer", "GET", "/v1/letters-of-credit/LC-1", nil)
			if got["status"] != "REFUSED" || !hasMessage(got, "MT734") {
				t.Fatalf("after refusal: %v", got)
			}
			if code, _ := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-1/presentations/P-1/waiver", map[string]any{"date": "2026-12-10"}); code != 403 {
				t.Fatalf("the bank waiving for the applicant: %d", code)
			}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit/LC-1/presentations/P-1/waiver", map[string]any{"date": "2026-12-10"}); code != 200 || body["status"] != "REFUSED" {
				t.Fatalf("the applicant's waiver: %d %v", code, body)
			}
			if code, b := call(t, s, "importer", "POST", "/v1/letters-of-credit/LC-1/presentations/P-1/waiver/decision", map[string]any{"accepted": true}); code != 403 {
				t.Fatalf("the applicant deciding on its own waiver: %d %v", code, b)
			}
			code, body = call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-1/presentations/P-1/waiver/decision", map[string]any{"accepted": true, "date": "2026-12-10"})
			if code != 200 || body["status"] != "HONOURED" || !hasMessage(body, "MT752") || !hasMessage(body, "MT754") || !hasMessage(body, "MT756") {
				t.Fatalf("waiver: %d %v", code, body)
			}
			if code, _ := call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-1/presentations", map[string]any{"presentationId": "P-2", "presentation": pres}); code != 409 {
				t.Fatalf("presenting under an honoured credit: %d", code)
			}
			if code, body := call(t, s, "importer", "GET", "/v1/letters-of-credit/LC-404", nil); code != 404 || body["title"] == nil {
				t.Fatalf("unknown credit: %d %v", code, body)
			}
			pending, err := events.PendingOutbox(context.Background(), 100)
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, p := range pending {
				types = append(types, p.Headers["ce_type"])
			}
			want := "lc.applied.v1 lc.issued.v1 lc.advised.v1 lc.accepted.v1 lc.amendment_issued.v1 lc.amended.v1 lc.documents_presented.v1 lc.documents_refused.v1 lc.discrepancies_waived.v1 lc.honoured.v1"
			if strings.Join(types, " ") != want {
				t.Fatalf("outbox = %v, want %s", types, want)
			}
		})
	}
}

// presented is the example's presentation as a presenter makes it: the documents only, the bank
// stamping the date and place of receipt.
func presented(example map[string]any) map[string]any {
	p := example["presentation"].(map[string]any)
	delete(p, "date")
	delete(p, "place")
	return p
}

// namesField: a problem's invalid-params names the field.
func namesField(body map[string]any, field string) bool {
	ps, _ := body["invalid-params"].([]any)
	for _, p := range ps {
		if p.(map[string]any)["name"] == field {
			return true
		}
	}
	return false
}

func hasMessage(body map[string]any, typ string) bool {
	msgs, _ := body["messages"].([]any)
	for _, m := range msgs {
		if m.(map[string]any)["type"] == typ && strings.Contains(m.(map[string]any)["text"].(string), "{4:") {
			return true
		}
	}
	return false
}

package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// post sends a raw body (possibly empty) as one of actors.
func post(t *testing.T, url, actor, body string) int {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set(testActor, actor)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestAdviceAndAcceptanceWithoutABody: the advising bank and the beneficiary may leave the date
// out (it is today, in UTC); a retry keeps the date first recorded; the credit's view shows the
// status, the trade and both dates; acceptance before advice is a conflict.
func TestAdviceAndAcceptanceWithoutABody(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			s := creditServer(t, open(t))
			ex := exampleRequest(t)
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-9", "tradeId": "T-9", "terms": ex["terms"]}); code != 201 {
				t.Fatalf("apply: %d %v", code, body)
			}
			lc := s.URL + "/v1/letters-of-credit/LC-9"
			if code := post(t, lc+"/advice", "advising-bank", ""); code != 409 {
				t.Fatalf("advice before issue: %d", code)
			}
			if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-9/issue", map[string]any{"issueDate": "2026-11-02"}); code != 200 {
				t.Fatalf("issue: %d %v", code, body)
			}
			if code := post(t, lc+"/acceptance", "exporter", ""); code != 409 {
				t.Fatalf("acceptance before advice: %d", code)
			}
			if code := post(t, lc+"/advice", "importer", ""); code != 403 {
				t.Fatalf("an importer advising: %d", code)
			}
			if code := post(t, lc+"/advice", "advising-bank", `{"advisedOn":"yesterday"}`); code != 400 {
				t.Fatalf("advice with a bad date: %d", code)
			}
			if code := post(t, lc+"/advice", "advising-bank", ""); code != 200 {
				t.Fatalf("advice without a body: %d", code)
			}
			if code := post(t, lc+"/advice", "advising-bank", `{}`); code != 200 {
				t.Fatalf("advice retried: %d", code)
			}
			if code := post(t, lc+"/acceptance", "advising-bank", ""); code != 403 {
				t.Fatalf("a bank accepting for the beneficiary: %d", code)
			}
			if code := post(t, lc+"/acceptance", "exporter", ""); code != 200 {
				t.Fatalf("acceptance without a body: %d", code)
			}
			code, got := call(t, s, "importer", "GET", "/v1/letters-of-credit/LC-9", nil)
			today := time.Now().UTC().Format(time.DateOnly)
			if code != 200 || got["status"] != "ACCEPTED" || got["tradeId"] != "T-9" || got["id"] != "LC-9" ||
				got["issueDate"] != "2026-11-02" || got["advisedOn"] != today || got["acceptedOn"] != today {
				t.Fatalf("credit: %d %v", code, got)
			}
		})
	}
}

// TestApplicationsNameTheFieldAtFault: a bad application is a 400 naming each field.
func TestApplicationsNameTheFieldAtFault(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			s := creditServer(t, open(t))
			for _, c := range []struct {
				change func(terms map[string]any) map[string]any
				field  string
			}{
				{func(tm map[string]any) map[string]any { delete(tm, "expiryDate"); return tm }, "terms.expiryDate"},
				{func(tm map[string]any) map[string]any { tm["applicant"] = map[string]any{}; return tm }, "terms.applicant.name"},
				{func(tm map[string]any) map[string]any {
					tm["beneficiaryAccount"] = "PT50000201231234567890155"
					return tm
				}, "terms.beneficiaryAccount"},
				{func(tm map[string]any) map[string]any {
					tm["beneficiaryAccount"], tm["accountCurrency"] = "PT50000201231234567890154", "XYZ"
					return tm
				}, "terms.accountCurrency"},
				{func(tm map[string]any) map[string]any { tm["accountCurrency"] = "USD"; return tm }, "terms.beneficiaryAccount"},
			} {
				terms := exampleRequest(t)["terms"].(map[string]any)
				code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-X", "tradeId": "T-X", "terms": c.change(terms)})
				if code != 400 || !namesField(body, c.field) {
					t.Errorf("%s: %d %v", c.field, code, body)
				}
			}
			code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"terms": exampleRequest(t)["terms"]})
			if code != 400 || !namesField(body, "id") || !namesField(body, "tradeId") {
				t.Errorf("no id, no trade: %d %v", code, body)
			}
			terms := exampleRequest(t)["terms"].(map[string]any)
			terms["beneficiaryAccount"], terms["accountCurrency"] = "PT50 0002 0123 1234 5678 9015 4", "USD"
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-Y", "tradeId": "T-Y", "terms": terms}); code != 201 {
				t.Errorf("a valid IBAN in USD: %d %v", code, body)
			}
		})
	}
}

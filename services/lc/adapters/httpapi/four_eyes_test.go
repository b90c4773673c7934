package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestIssueAboveTheLimitNeedsASecondUser: with a four-eyes limit of EUR 50,000.00 the EUR
// 100,000.00 credit issued by one officer waits for approval; the maker cannot approve it, a
// trade officer without the approver role cannot either, a second user holding it can.
func TestIssueAboveTheLimitNeedsASecondUser(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			mux := http.NewServeMux()
			httpapi.Register(mux, newApp(open(t), domain.FourEyes{DefaultMajor: 50_000}))
			s := httptest.NewServer(asActor(mux))
			t.Cleanup(s.Close)
			ex := exampleRequest(t)
			for _, id := range []string{"LC-4E", "LC-4F"} {
				if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": id, "tradeId": "T-" + id, "terms": ex["terms"]}); code != 201 {
					t.Fatalf("apply: %d %v", code, body)
				}
			}
			issue := map[string]any{"issueDate": "2026-11-02"}
			if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-4E/issue", issue); code != 200 || body["status"] != "PENDING_ISSUE_APPROVAL" {
				t.Fatalf("issue above the limit: %d %v", code, body)
			}
			if code, _ := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-4E/issue/approval", nil); code != 403 {
				t.Fatalf("a trade officer without the approver role approving: %d", code)
			}
			if code, _ := call(t, s, "other-bank", "POST", "/v1/letters-of-credit/LC-4E/issue/approval", nil); code != 404 {
				t.Fatalf("another bank's approver: %d", code)
			}
			code, body := call(t, s, "issuer-approver", "POST", "/v1/letters-of-credit/LC-4E/issue/approval", nil)
			if code != 200 || body["status"] != "ISSUED" || body["issueDate"] != "2026-11-02" || !hasMessage(body, "MT700") {
				t.Fatalf("approval by a second user: %d %v", code, body)
			}
			// The approver who issues a credit cannot approve its own issue.
			if code, body := call(t, s, "issuer-approver", "POST", "/v1/letters-of-credit/LC-4F/issue", issue); code != 200 || body["status"] != "PENDING_ISSUE_APPROVAL" {
				t.Fatalf("issue by the approver: %d %v", code, body)
			}
			if code, body := call(t, s, "issuer-approver", "POST", "/v1/letters-of-credit/LC-4F/issue/approval", nil); code != 403 {
				t.Fatalf("the maker approving its own issue: %d %v", code, body)
			}
		})
	}
}

package httpapi_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/identity/identitytest"
)

// TestReceivedCreditOpensItsTrade: a credit registered from the MT700 its advising bank
// received publishes lc.received.v1 — the trade's opening, with the application's parties and
// terms, the MT700's number and date of issue, acted by the advising bank that registered it —
// and then the advising bank's and the beneficiary's steps as for any credit. No lc.applied.v1
// nor lc.issued.v1: those steps were the issuing bank's, outside tradefin. Its trade ID is its
// parties' (issue 10).
func TestReceivedCreditOpensItsTrade(t *testing.T) {
	events := testenv.EventStores()["sqlite"](t)
	s := creditServer(t, events)
	code, a, _ := postFIN(t, s.URL+"/v1/swift/messages?applicant=5493001NORDICIMP0058&beneficiary=5493002AZULEJOSLX028", "advising-bank", goldenFIN(t, "700"))
	if code != 201 {
		t.Fatalf("register: %d %+v", code, a.problem)
	}
	lc := "/v1/letters-of-credit/" + a.Registered.LetterOfCredit
	if code := post(t, s.URL+lc+"/advice", "advising-bank", `{"advisedOn":"2026-11-03"}`); code != 200 {
		t.Fatalf("advice: %d", code)
	}
	if code := post(t, s.URL+lc+"/acceptance", "exporter", `{"acceptedOn":"2026-11-04"}`); code != 200 {
		t.Fatalf("acceptance: %d", code)
	}
	// Issue 10: the trade ID is its first credit's parties'. Another party's application on it
	// is 409 and publishes nothing; an MT700 whose trade another party claimed first is 409 too.
	hostile := exampleRequest(t)["terms"].(map[string]any)
	hostile["applicant"] = map[string]any{"id": identitytest.Olga.Org, "name": "Other Trading"}
	if code, body := call(t, s, "outsider", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-EVIL", "tradeId": "ESSESESS.ILC2026-0042", "terms": hostile}); code != 409 {
		t.Fatalf("another party's application on the received credit's trade: %d %v", code, body)
	}
	if code, body := call(t, s, "outsider", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-EARLY", "tradeId": "ESSESESS.ILC2026-0099", "terms": hostile}); code != 201 {
		t.Fatalf("an application claiming a trade ID first: %d %v", code, body)
	}
	taken := strings.ReplaceAll(goldenFIN(t, "700"), "ILC2026-0042", "ILC2026-0099")
	if code, a, _ := postFIN(t, s.URL+"/v1/swift/messages?applicant=5493001NORDICIMP0058&beneficiary=5493002AZULEJOSLX028", "advising-bank", taken); code != 409 {
		t.Fatalf("an MT700 whose trade another party claimed: %d %+v", code, a.problem)
	}
	pending, err := events.PendingOutbox(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	var opened map[string]any
	for _, m := range pending {
		types = append(types, m.Headers["ce_type"])
		if m.Headers["ce_type"] == "lc.received.v1" {
			if err := json.Unmarshal(m.Payload, &opened); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := strings.Join(types, " "); got != "lc.received.v1 lc.advised.v1 lc.accepted.v1 lc.applied.v1" { // the last: LC-EARLY's
		t.Fatalf("outbox: %s", got)
	}
	actor, _ := opened["actor"].(map[string]any)
	if opened["tradeId"] != "ESSESESS.ILC2026-0042" || opened["lcId"] != "ESSESESS.ILC2026-0042" || opened["lcNumber"] != "ILC2026-0042" || opened["issueDate"] != "2026-11-02" ||
		opened["applicantOrg"] != "5493001NORDICIMP0058" || opened["beneficiaryOrg"] != "5493002AZULEJOSLX028" || opened["issuingBank"] != "ESSESESS" ||
		opened["advisingBank"] != "BCOMPTPL" || opened["expiryDate"] != "2027-03-15" || opened["presentableUntil"] == "" || actor["org"] != "BCOMPTPL" {
		t.Fatalf("lc.received.v1: %v", opened)
	}
}

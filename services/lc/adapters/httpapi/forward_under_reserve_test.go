package httpapi_test

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestNominatedBankForwardsUnderReserveOverTheAPI: documents presented to the nominated bank
// (BCOMPTPL, the advising bank) with a discrepancy are forwarded by it under reserve (MT750,
// UCP 600 Art. 12(a), 16), its bank taken from the caller's identity; the issuing bank, another
// bank and the beneficiary may not forward; the forwarded presentation waits in the issuing
// bank's queue, which later refuses the forwarded documents (MT734). A second, complying
// presentation is not forwarded (409) and the issuing bank honours it.
func TestNominatedBankForwardsUnderReserveOverTheAPI(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			now := &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
			s := examiningServer(t, open(t), now)
			applyAndIssue(t, s, "LC-FUR", "2026-12-31")
			now.now = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
			const lc = "/v1/letters-of-credit/LC-FUR"
			pres := presented(exampleRequest(t))
			pres["presentedTo"] = "BCOMPTPL"
			pres["documents"].([]any)[1].(map[string]any)["onBoardNotation"] = false
			if code, res := call(t, s, "exporter", "POST", lc+"/presentations", map[string]any{"presentationId": "P-1", "presentation": pres}); code != 200 || res["compliant"] != false {
				t.Fatalf("a discrepant presentation to the nominated bank: %d %v", code, res)
			}
			forward := lc + "/presentations/P-1/forward-under-reserve"
			for actor, want := range map[string]int{"issuing-bank": 403, "exporter": 403, "other-bank": 404, "outsider": 404} {
				if code, body := call(t, s, actor, "POST", forward, nil); code != want {
					t.Errorf("forwarding by %s: %d %v, want %d", actor, code, body, want)
				}
			}
			if code, body := call(t, s, "advising-bank", "POST", forward, map[string]any{"discrepancies": []any{map[string]any{"rule": "UCP 600 Art. 20(a)(ii)"}}}); code != 400 || !namesField(body, "discrepancies[0].message") {
				t.Fatalf("a finding without its message: %d %v", code, body)
			}
			if code, body := call(t, s, "advising-bank", "POST", lc+"/presentations/P-9/forward-under-reserve", nil); code != 404 {
				t.Fatalf("an unknown presentation: %d %v", code, body)
			}
			for range 2 { // a retried forwarding changes nothing
				code, body := call(t, s, "advising-bank", "POST", forward, nil)
				if code != 200 || !hasMessage(body, "MT750") {
					t.Fatalf("forward under reserve: %d %v", code, body)
				}
				p := body["presentations"].([]any)[0].(map[string]any)
				r, _ := p["underReserve"].(map[string]any)
				if p["status"] != "QUEUED" || r == nil || r["by"] != "BCOMPTPL" || r["on"] != "2026-12-02" || len(r["discrepancies"].([]any)) == 0 {
					t.Fatalf("the forwarded presentation: %v", p)
				}
			}
			_, q := call(t, s, "issuing-bank", "GET", "/v1/examination-queue", nil)
			if qs := q["examinations"].([]any); len(qs) != 1 || qs[0].(map[string]any)["presentationId"] != "P-1" {
				t.Fatalf("the issuing bank's queue holds the forwarded documents: %v", q)
			}
			if code, _ := call(t, s, "advising-bank", "POST", lc+"/presentations/P-1/decision", map[string]any{"decision": "HONOUR"}); code != 403 {
				t.Fatalf("the nominated bank deciding for the issuing bank: %d", code)
			}
			code, body := call(t, s, "issuing-bank", "POST", lc+"/presentations/P-1/decision", map[string]any{"decision": "REFUSE", "disposal": "RETURN"})
			if code != 200 || body["status"] != "REFUSED" || !hasMessage(body, "MT734") || !hasMessage(body, "MT750") {
				t.Fatalf("the issuing bank refuses the forwarded documents: %d %v", code, body)
			}
			if code, _ := call(t, s, "advising-bank", "POST", forward, nil); code != 200 {
				t.Fatalf("the same forwarding after the decision is a retry: %d", code)
			}

			// A complying presentation has nothing to advise; the issuing bank honours it.
			applyAndIssue(t, s, "LC-FUR2", "2026-12-31")
			ok := presented(exampleRequest(t))
			ok["presentedTo"] = "BCOMPTPL"
			if code, res := call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-FUR2/presentations", map[string]any{"presentationId": "P-1", "presentation": ok}); code != 200 || res["compliant"] != true {
				t.Fatalf("a complying presentation: %d %v", code, res)
			}
			if code, _ := call(t, s, "advising-bank", "POST", "/v1/letters-of-credit/LC-FUR2/presentations/P-1/forward-under-reserve", nil); code != 409 {
				t.Fatalf("forwarding complying documents: %d", code)
			}
			if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-FUR2/presentations/P-1/decision", map[string]any{"decision": "HONOUR"}); code != 200 || body["status"] != "HONOURED" {
				t.Fatalf("honour: %d %v", code, body)
			}
		})
	}
}

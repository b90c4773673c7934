package httpapi_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestConfirmedCreditOverTheAPI: a credit issued with MT700 49 CONFIRM and a reimbursing bank
// (53a); only the advising bank (no 58a) confirms it (UCP 600 Art. 8(b)); a complying
// presentation is honoured by the confirming bank (Art. 8(a)), which alone claims reimbursement
// (Art. 8(c)); the credit's view and messages (MT740, MT742) show it, and the outbox holds
// lc.confirmed.v1, the honour by the confirming bank and lc.reimbursement_claimed.v1.
func TestConfirmedCreditOverTheAPI(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			s := creditServer(t, events)
			ex := exampleRequest(t)
			terms := ex["terms"].(map[string]any)
			terms["confirmation"], terms["reimbursingBank"] = "PERHAPS", "COBADEFF"
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-C", "tradeId": "T-C", "terms": terms}); code != 400 {
				t.Fatalf("an unknown 49 code: %d %v", code, body)
			}
			terms["confirmation"] = "CONFIRM"
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-C", "tradeId": "T-C", "terms": terms}); code != 201 {
				t.Fatalf("apply: %d %v", code, body)
			}
			lc := "/v1/letters-of-credit/LC-C"
			if code, _ := call(t, s, "advising-bank", "POST", lc+"/confirmation", nil); code != 409 {
				t.Fatalf("confirmed before issue: %d", code)
			}
			if code, body := call(t, s, "issuing-bank", "POST", lc+"/issue", map[string]any{"issueDate": "2026-11-02"}); code != 200 || !hasMessage(body, "MT740") {
				t.Fatalf("issue: %d %v", code, body)
			}
			for actor, want := range map[string]int{"issuing-bank": 403, "exporter": 403, "other-bank": 404, "auditor": 403} {
				if code, _ := call(t, s, actor, "POST", lc+"/confirmation", map[string]any{"confirmedOn": "2026-11-03"}); code != want {
					t.Errorf("confirmation by %s: %d, want %d", actor, code, want)
				}
			}
			for range 2 { // a retry changes nothing
				code, body := call(t, s, "advising-bank", "POST", lc+"/confirmation", map[string]any{"confirmedOn": "2026-11-03"})
				if c, _ := body["confirmation"].(map[string]any); code != 200 || c["by"] != "BCOMPTPL" || c["on"] != "2026-11-03" {
					t.Fatalf("confirm: %d %v", code, body)
				}
			}
			if code, _ := call(t, s, "advising-bank", "POST", lc+"/presentations/P-1/reimbursement-claim", nil); code != 400 {
				t.Fatalf("claim for no presentation: %d", code)
			}
			pres := ex["presentation"].(map[string]any)
			delete(pres, "date") // the bank stamps the receipt
			delete(pres, "place")
			pres["presentedTo"] = "BCOMPTPL" // to the confirming bank, which examines and honours (Art. 8(a))
			if code, res := call(t, s, "exporter", "POST", lc+"/presentations", map[string]any{"presentationId": "P-1", "presentation": pres}); code != 200 || res["compliant"] != true {
				t.Fatalf("present: %d %v", code, res)
			}
			if code, res := call(t, s, "advising-bank", "POST", lc+"/presentations/P-1/decision", map[string]any{"decision": "HONOUR"}); code != 200 {
				t.Fatalf("the confirming bank's examiner honours: %d %v", code, res)
			}
			if code, _ := call(t, s, "issuing-bank", "POST", lc+"/presentations/P-1/reimbursement-claim", nil); code != 403 {
				t.Fatalf("a claim by the issuing bank: %d", code)
			}
			code, body := call(t, s, "advising-bank", "POST", lc+"/presentations/P-1/reimbursement-claim", map[string]any{"claimedOn": "2026-12-10"})
			claims, _ := body["reimbursements"].([]any)
			if code != 200 || len(claims) != 1 || !hasMessage(body, "MT742") {
				t.Fatalf("claim: %d %v", code, body)
			}
			claim := claims[0].(map[string]any)
			if claim["by"] != "BCOMPTPL" || claim["from"] != "COBADEFF" || claim["presentationId"] != "P-1" {
				t.Fatalf("claim: %v", claim)
			}
			p := body["presentations"].([]any)[0].(map[string]any)
			if p["honouredBy"] != "BCOMPTPL" || body["terms"].(map[string]any)["confirmation"] != "CONFIRM" {
				t.Fatalf("honoured by %v; terms %v", p["honouredBy"], body["terms"])
			}
			pending, err := events.PendingOutbox(context.Background(), 100)
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			payloads := map[string]map[string]any{}
			for _, m := range pending {
				typ := m.Headers["ce_type"]
				types = append(types, typ)
				var data map[string]any
				if err := json.Unmarshal(m.Payload, &data); err != nil {
					t.Fatalf("%s: %v", typ, err)
				}
				payloads[typ] = data
			}
			if want := "lc.applied.v1 lc.issued.v1 lc.confirmed.v1 lc.documents_presented.v1 lc.honoured.v1 lc.reimbursement_claimed.v1"; strings.Join(types, " ") != want {
				t.Fatalf("outbox = %v, want %s", types, want)
			}
			honoured, claimed := payloads["lc.honoured.v1"], payloads["lc.reimbursement_claimed.v1"]
			if honoured["honouredBy"] != "BCOMPTPL" || honoured["actor"].(map[string]any)["org"] != "BCOMPTPL" {
				t.Errorf("lc.honoured.v1: %v", honoured)
			}
			if claimed["claimingBank"] != "BCOMPTPL" || claimed["reimbursingBank"] != "COBADEFF" || claimed["issuingBank"] != "ESSESESS" {
				t.Errorf("lc.reimbursement_claimed.v1: %v", claimed)
			}
		})
	}
}

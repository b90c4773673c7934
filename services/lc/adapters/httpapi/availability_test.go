package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestDeferredPaymentCreditThroughTheAPI: the API takes a credit's availability (MT700 41a,
// 42P), refuses a combination the standard forbids naming the field, shows the availability with
// its defaults, and after a complying presentation the deferred payment undertaking with its
// maturity, advised by MT754.
func TestDeferredPaymentCreditThroughTheAPI(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			s := creditServer(t, open(t))
			ex := exampleRequest(t)
			terms := map[string]any{}
			for k, v := range ex["terms"].(map[string]any) {
				terms[k] = v
			}
			terms["availability"] = map[string]any{"by": "BY ACCEPTANCE"}
			apply := map[string]any{"id": "LC-U", "tradeId": "T-U", "terms": terms}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != http.StatusBadRequest || !namesField(body, "terms.availability.draftsAt") {
				t.Fatalf("an acceptance credit without drafts: %d %v", code, body)
			}
			terms["availability"] = map[string]any{"by": "BY CHEQUE"}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != http.StatusBadRequest || !namesField(body, "terms.availability.by") {
				t.Fatalf("an unknown way of availability: %d %v", code, body)
			}
			terms["availability"] = map[string]any{"by": "BY DEF PAYMENT", "deferredPaymentDetails": "60 DAYS AFTER SIGHT"}
			code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply)
			if code != http.StatusCreated {
				t.Fatalf("apply: %d %v", code, body)
			}
			got := body["terms"].(map[string]any)
			if a, _ := got["availability"].(map[string]any); got["form"] != "IRREVOCABLE" || a["by"] != "BY DEF PAYMENT" || a["with"] != got["advisingBank"] ||
				a["deferredPaymentDetails"] != "60 DAYS AFTER SIGHT" {
				t.Fatalf("terms as applied: %v", got)
			}
			if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-U/issue", map[string]any{"issueDate": "2026-11-02"}); code != 200 || !hasMessage(body, "MT700") {
				t.Fatalf("issue: %d %v", code, body)
			}
			req := map[string]any{"presentationId": "P-1", "presentation": presented(ex)}
			if code, res := call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-U/presentations", req); code != 200 || res["compliant"] != true {
				t.Fatalf("presentation: %d %v", code, res)
			}
			if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/LC-U/presentations/P-1/decision", map[string]any{"decision": "HONOUR"}); code != 200 {
				t.Fatalf("the examiner's honour: %d %v", code, body)
			}
			_, credit := call(t, s, "issuing-bank", "GET", "/v1/letters-of-credit/LC-U", nil)
			p := credit["presentations"].([]any)[0].(map[string]any)
			u, _ := p["undertaking"].(map[string]any)
			if credit["status"] != "HONOURED" || u["kind"] != "DEFERRED_PAYMENT" || u["tenor"] != "60 DAYS AFTER SIGHT" || u["maturityDate"] == nil || u["payableAt"] == nil ||
				!hasMessage(credit, "MT754") || hasMessage(credit, "MT756") {
				t.Fatalf("honoured: %v", credit)
			}
		})
	}
}

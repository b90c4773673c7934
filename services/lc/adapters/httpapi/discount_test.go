package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestNominatedBankDiscountsThroughTheAPI: after the honour of a deferred payment credit
// available with the advising bank, the issuing bank and the applicant may not discount the
// undertaking (403 naming Art. 12(b)); the advising bank, the nominated bank, discounts it at a
// rate and the credit shows the proceeds below the face; a second discount is a conflict.
func TestNominatedBankDiscountsThroughTheAPI(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			s := creditServer(t, open(t))
			ex := exampleRequest(t)
			honourUsance(t, s, ex, "LC-DS", usanceTerms(t, ex, map[string]any{"by": "BY DEF PAYMENT", "deferredPaymentDetails": "60 DAYS AFTER SIGHT"}))
			discount := "/v1/letters-of-credit/LC-DS/presentations/P-1/discount"
			for _, actor := range []string{"issuing-bank", "importer"} {
				if code, body := call(t, s, actor, "POST", discount, map[string]any{"rateBasisPoints": 450}); code != http.StatusForbidden {
					t.Errorf("discount by %s: %d %v", actor, code, body)
				}
			}
			if code, body := call(t, s, "advising-bank", "POST", discount, map[string]any{"rateBasisPoints": 0}); code != http.StatusBadRequest || !namesField(body, "rateBasisPoints") {
				t.Errorf("discount without a rate: %d %v", code, body)
			}
			code, body := call(t, s, "advising-bank", "POST", discount, map[string]any{"rateBasisPoints": 450})
			if code != 200 {
				t.Fatalf("discount by the nominated bank: %d %v", code, body)
			}
			d, _ := body["presentations"].([]any)[0].(map[string]any)["discount"].(map[string]any)
			face, _ := d["face"].(map[string]any)
			proceeds, _ := d["proceeds"].(map[string]any)
			if d == nil || d["by"] != "BCOMPTPL" || proceeds["minor"].(float64) >= face["minor"].(float64) || d["days"].(float64) < 59 {
				t.Fatalf("discount: %v", d)
			}
			if code, _ := call(t, s, "advising-bank", "POST", discount, map[string]any{"rateBasisPoints": 450}); code != http.StatusConflict {
				t.Errorf("a second discount: %d", code)
			}
		})
	}
}

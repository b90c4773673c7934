package httpapi_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestMixedPaymentCreditThroughTheAPI: a BY MIXED PYMT credit whose 42M does not add up is
// refused naming the field; one that does is issued, and its complying presentation's honour
// shows the deferred payment undertaking with its two instalments: the sight part payable at
// the honour, the rest at its maturity.
func TestMixedPaymentCreditThroughTheAPI(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			s := creditServer(t, open(t))
			ex := exampleRequest(t)
			terms := usanceTerms(t, ex, map[string]any{"by": "BY MIXED PYMT", "mixedPaymentDetails": "50 PCT AT SIGHT, 60 PCT 60 DAYS AFTER SIGHT"})
			apply := map[string]any{"id": "LC-M", "tradeId": "T-M", "terms": terms}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != http.StatusBadRequest || !namesField(body, "terms.availability.mixedPaymentDetails") {
				t.Fatalf("instalments summing to 110: %d %v", code, body)
			}
			honourUsance(t, s, ex, "LC-M", usanceTerms(t, ex, map[string]any{"by": "BY MIXED PYMT", "mixedPaymentDetails": "50 PCT AT SIGHT, 50 PCT 60 DAYS AFTER SIGHT"}))
			_, credit := call(t, s, "issuing-bank", "GET", "/v1/letters-of-credit/LC-M", nil)
			p := credit["presentations"].([]any)[0].(map[string]any)
			u, _ := p["undertaking"].(map[string]any)
			its, _ := u["instalments"].([]any)
			if credit["status"] != "HONOURED" || u["kind"] != "DEFERRED_PAYMENT" || len(its) != 2 || !hasMessageWith(credit, "MT700", ":42M:50 PCT AT SIGHT") {
				t.Fatalf("honoured: %v", credit)
			}
			sight, deferred := its[0].(map[string]any), its[1].(map[string]any)
			if sight["tenor"] != "AT SIGHT" || sight["payableAt"] != nil || deferred["payableAt"] != u["payableAt"] || deferred["maturityDate"] != u["maturityDate"] {
				t.Fatalf("instalments: %v %v, undertaking %v", sight, deferred, u)
			}
			// The MT754 advises as undertaken only the deferred half; the sight half is paid.
			amt := deferred["amount"].(map[string]any)
			minor := int64(amt["minor"].(float64))
			if want := fmt.Sprintf(":32B:%s%d,%02d", amt["currency"], minor/100, minor%100); !hasMessageWith(credit, "MT754", want) {
				t.Errorf("the MT754 does not advise %s undertaken: %v", want, credit["messages"])
			}
		})
	}
}

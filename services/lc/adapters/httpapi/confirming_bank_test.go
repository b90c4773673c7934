package httpapi_test

import (
	"strings"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// A credit whose MT700 58a names a confirming bank with no organisation on the trade network (a
// bank other than the advising bank) is refused at the application with a 422 problem naming
// terms.requestedConfirmationParty and why (domain/confirming_bank.go): no organisation signs
// for a bank it is not. The same credit asking the advising bank to confirm is accepted.
func TestAThirdConfirmingBankIsRefusedAtTheApplication(t *testing.T) {
	events := testenv.EventStores()["sqlite"](t)
	s := creditServer(t, events)
	ex := exampleRequest(t)
	terms := ex["terms"].(map[string]any)
	terms["confirmation"], terms["requestedConfirmationParty"] = "CONFIRM", "DEUTDEFF"
	code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-58A", "tradeId": "T-58A", "terms": terms})
	params, _ := body["invalid-params"].([]any)
	if code != 422 || len(params) != 1 {
		t.Fatalf("a third bank in 58a: %d %v, want 422 naming the field", code, body)
	}
	p := params[0].(map[string]any)
	reason, _ := p["reason"].(string)
	if p["name"] != "terms.requestedConfirmationParty" || !strings.Contains(reason, "58a") || !strings.Contains(reason, "no organisation on the trade network") {
		t.Fatalf("the problem's field: %v", p)
	}
	terms["requestedConfirmationParty"] = "BCOMPTPL" // the advising bank
	if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-58A", "tradeId": "T-58A", "terms": terms}); code != 201 {
		t.Fatalf("58a naming the advising bank: %d %v", code, body)
	}
}

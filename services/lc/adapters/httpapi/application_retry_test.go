package httpapi_test

import (
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestApplicationRetriedWithAnEmptyListIsTheSame: an application retried with the same terms is
// the credit it created (200), though its empty list of additional conditions was stored as none
// and loads as none; different terms under the same ID are a conflict (409).
func TestApplicationRetriedWithAnEmptyListIsTheSame(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			s := creditServer(t, open(t))
			terms := exampleRequest(t)["terms"].(map[string]any)
			terms["additionalConditions"] = []any{}
			apply := map[string]any{"id": "LC-R", "tradeId": "T-R", "terms": terms}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != 201 {
				t.Fatalf("apply: %d %v", code, body)
			}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != 200 || body["id"] != "LC-R" {
				t.Fatalf("the same application again: %d %v", code, body)
			}
			terms["additionalConditions"] = []any{"Documents in English."}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", apply); code != 409 {
				t.Fatalf("another application under the same ID: %d %v", code, body)
			}
		})
	}
}

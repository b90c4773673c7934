package httpapi_test

import (
	"net/http/httptest"
	"testing"
)

// usanceTerms is the example credit's terms available as availability.
func usanceTerms(t *testing.T, ex map[string]any, availability map[string]any) map[string]any {
	t.Helper()
	terms := map[string]any{}
	for k, v := range ex["terms"].(map[string]any) {
		terms[k] = v
	}
	terms["availability"] = availability
	return terms
}

// honourUsance applies for credit id on terms, issues it, presents the example's complying
// documents as P-1 and has the issuing bank's examiner honour them.
func honourUsance(t *testing.T, s *httptest.Server, ex map[string]any, id string, terms map[string]any) {
	t.Helper()
	lc := "/v1/letters-of-credit/" + id
	for _, c := range []struct {
		actor, path string
		body        map[string]any
		want        int
	}{
		{"importer", "/v1/letters-of-credit", map[string]any{"id": id, "tradeId": "T-" + id, "terms": terms}, 201},
		{"issuing-bank", lc + "/issue", map[string]any{"issueDate": "2026-11-02"}, 200},
		{"exporter", lc + "/presentations", map[string]any{"presentationId": "P-1", "presentation": presented(ex)}, 200},
		{"issuing-bank", lc + "/presentations/P-1/decision", map[string]any{"decision": "HONOUR"}, 200},
	} {
		if code, body := call(t, s, c.actor, "POST", c.path, c.body); code != c.want || body["compliant"] == false {
			t.Fatalf("%s %s: %d %v", c.actor, c.path, code, body)
		}
	}
}

package httpapi_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
)

// TestNarrativeAmendmentFromRequestToAcceptance: the applicant requests a narrative amendment
// (MT707 45B/46B/47B), the issuing bank issues it, the advising bank advises it (UCP 600 Art.
// 9(d)), a partial acceptance is a rejection (Art. 10(e)); the next one, accepted whole, makes the
// credit's terms those of the amendment (Art. 10(b)), and each issue is published apart from
// the acceptance.
func TestNarrativeAmendmentFromRequestToAcceptance(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			s := clockedServer(t, events, &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)})
			applyAndIssue(t, s, "LC-NA", "2026-12-25")
			credit := "/v1/letters-of-credit/LC-NA"
			for _, step := range []struct{ actor, path string }{{"advising-bank", "/advice"}, {"exporter", "/acceptance"}} {
				if code, body := call(t, s, step.actor, "POST", credit+step.path, nil); code != 200 {
					t.Fatalf("%s: %d %v", step.path, code, body)
				}
			}
			narrative := map[string]any{
				"goods":      []any{map[string]any{"code": "ADD", "text": "glazed, 30 x 30 cm, grade A"}},
				"documents":  []any{map[string]any{"code": "ADD", "document": "packing_list", "text": "PACKING LIST IN 2 COPIES"}},
				"conditions": []any{map[string]any{"code": "ADD", "text": "ALL DOCUMENTS MUST BE ISSUED IN ENGLISH"}},
			}
			// A deletion of text the credit does not state is refused, naming the change.
			bad := map[string]any{"goods": []any{map[string]any{"code": "DELETE", "text": "porcelain vases"}}}
			if code, body := call(t, s, "importer", "POST", credit+"/amendment-requests", bad); code != 400 || !namesField(body, "goods[0]") {
				t.Fatalf("deleting what the credit does not state: %d %v", code, body)
			}
			mixed := map[string]any{"conditions": []any{map[string]any{"code": "REPALL", "text": "A"}, map[string]any{"code": "ADD", "text": "B"}}}
			if code, body := call(t, s, "importer", "POST", credit+"/amendment-requests", mixed); code != 400 || !namesField(body, "conditions[1]") {
				t.Fatalf("/REPALL/ beside /ADD/: %d %v", code, body)
			}
			if code, _ := call(t, s, "issuing-bank", "POST", credit+"/amendment-requests", narrative); code != 403 {
				t.Fatalf("the issuing bank requesting for the applicant: %d", code)
			}
			if code, body := call(t, s, "importer", "POST", credit+"/amendment-requests", narrative); code != 200 || amendment(body, 1)["status"] != "REQUESTED" {
				t.Fatalf("request: %d %v", code, body)
			}
			if n := len(outbox[contracts.LCAmendmentIssued](t, events, "lc.amendment_issued.v1")); n != 0 {
				t.Fatalf("a request binds no bank, yet %d lc.amendment_issued.v1", n)
			}
			if code, _ := call(t, s, "importer", "POST", credit+"/amendments/1/issue", nil); code != 403 {
				t.Fatalf("the applicant issuing its own request: %d", code)
			}
			code, body := call(t, s, "issuing-bank", "POST", credit+"/amendments/1/issue", nil)
			if code != 200 || amendment(body, 1)["status"] != "PROPOSED" || !hasMessageWith(body, "MT707", ":45B:/ADD/GLAZED, 30 X 30 CM, GRADE A") ||
				!hasMessageWith(body, "MT707", ":47B:/ADD/ALL DOCUMENTS MUST BE ISSUED IN ENGLISH") || !hasMessageWith(body, "MT707", ":46B:/ADD/+PACKING LIST IN 2 COPIES") {
				t.Fatalf("issue: %d %v", code, body)
			}
			issued := outbox[contracts.LCAmendmentIssued](t, events, "lc.amendment_issued.v1")
			if len(issued) != 1 || issued[0].Amendment != 1 || !slices.Equal(issued[0].Fields, []string{"45B", "46B", "47B"}) || issued[0].RequestedBy == "" {
				t.Fatalf("lc.amendment_issued.v1: %+v", issued)
			}
			if code, _ := call(t, s, "exporter", "POST", credit+"/amendments/1/answer", map[string]any{"accepted": true}); code != 409 {
				t.Fatalf("an answer before the advising bank advised the amendment (Art. 9(d)): %d", code)
			}
			if code, _ := call(t, s, "exporter", "POST", credit+"/amendments/1/advice", nil); code != 403 {
				t.Fatalf("the beneficiary advising: %d", code)
			}
			if code, body := call(t, s, "advising-bank", "POST", credit+"/amendments/1/advice", nil); code != 200 || amendment(body, 1)["advisedOn"] != "2026-11-20" {
				t.Fatalf("advice: %d %v", code, body)
			}
			// Accepting all but the new condition is a rejection (Art. 10(e)): the terms stand.
			code, body = call(t, s, "exporter", "POST", credit+"/amendments/1/answer", map[string]any{"accepted": true, "excepted": []string{"47B"}})
			if code != 200 || amendment(body, 1)["status"] != "REJECTED" || amendment(body, 1)["partial"] != true || terms(body)["additionalConditions"] != nil {
				t.Fatalf("partial acceptance: %d %v", code, body)
			}
			if n := len(outbox[contracts.LCAmended](t, events, "lc.amended.v1")); n != 0 {
				t.Fatalf("a rejected amendment was published as lc.amended.v1 (%d)", n)
			}
			// The issuing bank's own amendment, accepted whole: the terms are the amendment's.
			narrative["conditions"] = []any{map[string]any{"code": "REPALL", "text": "ALL DOCUMENTS IN ENGLISH"}, map[string]any{"code": "REPALL", "text": "THIRD PARTY DOCUMENTS ACCEPTABLE"}}
			narrative["date"] = "2026-11-21"
			if code, body := call(t, s, "issuing-bank", "POST", credit+"/amendments", narrative); code != 200 || amendment(body, 2)["status"] != "PROPOSED" {
				t.Fatalf("amend: %d %v", code, body)
			}
			call(t, s, "advising-bank", "POST", credit+"/amendments/2/advice", map[string]any{"advisedOn": "2026-11-21"})
			code, body = call(t, s, "exporter", "POST", credit+"/amendments/2/answer", map[string]any{"accepted": true})
			tm := terms(body)
			if code != 200 || amendment(body, 2)["status"] != "ACCEPTED" || tm["goods"].(map[string]any)["description"] != "ceramic floor tiles\nglazed, 30 x 30 cm, grade A" ||
				!slices.Equal(strs(tm["documentsRequired"]), []string{"commercial_invoice", "bill_of_lading", "packing_list"}) ||
				!slices.Equal(strs(tm["additionalConditions"]), []string{"ALL DOCUMENTS IN ENGLISH", "THIRD PARTY DOCUMENTS ACCEPTABLE"}) {
				t.Fatalf("accepted: %d %v", code, body)
			}
			amended := outbox[contracts.LCAmended](t, events, "lc.amended.v1")
			if len(amended) != 1 || amended[0].Amendment != 2 || amended[0].PresentableUntil == "" {
				t.Fatalf("lc.amended.v1: %+v", amended)
			}
			if n := len(outbox[contracts.LCAmendmentIssued](t, events, "lc.amendment_issued.v1")); n != 2 {
				t.Fatalf("%d lc.amendment_issued.v1, want one per issued amendment", n)
			}
		})
	}
}

func amendment(credit map[string]any, n int) map[string]any {
	as, _ := credit["amendments"].([]any)
	if len(as) < n {
		return map[string]any{}
	}
	return as[n-1].(map[string]any)
}

func terms(credit map[string]any) map[string]any {
	t, _ := credit["terms"].(map[string]any)
	return t
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// hasMessageWith: among the credit's messages of type typ, the last contains text.
func hasMessageWith(credit map[string]any, typ, text string) bool {
	ms, _ := credit["messages"].([]any)
	for i := len(ms) - 1; i >= 0; i-- {
		if m := ms[i].(map[string]any); m["type"] == typ {
			return strings.Contains(m["text"].(string), text)
		}
	}
	return false
}

package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestReceivedMT734RefusesThePresentation: a credit registered from the golden MT700 (ESSESESS
// to BCOMPTPL) is presented to its nominated bank BCOMPTPL under the reference BCP26PRS0042; the
// golden MT734 the issuing bank sends back, handed in by BCOMPTPL, becomes that presentation's
// refusal with the discrepancies of 77J and the disposal of 77B (UCP 600 Art. 16(c)(iii)(b)).
// Only the receiver registers it; an MT734 of another presentation or from another bank is not
// found; the same MT734 again changes nothing, another one for the decided presentation is 409.
func TestReceivedMT734RefusesThePresentation(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			now := &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
			s := examiningServer(t, open(t), now)
			url := s.URL + "/v1/swift/messages"
			code, a, _ := postFIN(t, url+"?applicant=5493001NORDICIMP0058&beneficiary=5493002AZULEJOSLX028", "advising-bank", goldenFIN(t, "700"))
			if code != 201 {
				t.Fatalf("register the MT700: %d %+v", code, a.problem)
			}
			lc := "/v1/letters-of-credit/" + a.Registered.LetterOfCredit
			if code := post(t, s.URL+lc+"/advice", "advising-bank", `{"advisedOn":"2026-11-23"}`); code != 200 {
				t.Fatalf("advice: %d", code)
			}
			if code := post(t, s.URL+lc+"/acceptance", "exporter", `{"acceptedOn":"2026-11-24"}`); code != 200 {
				t.Fatalf("acceptance: %d", code)
			}
			now.now = time.Date(2026, 12, 14, 10, 0, 0, 0, time.UTC)
			pres := presented(exampleRequest(t))
			pres["presentedTo"] = "BCOMPTPL"
			if code, res := call(t, s, "exporter", "POST", lc+"/presentations", map[string]any{"presentationId": "BCP26PRS0042", "presentation": pres}); code != 200 {
				t.Fatalf("present to the nominated bank: %d %v", code, res)
			}
			now.now = time.Date(2026, 12, 18, 16, 5, 0, 0, time.UTC)
			mt734 := goldenFIN(t, "734")
			for actor, want := range map[string]int{"other-bank": 403, "issuing-bank": 403, "exporter": 403} {
				if code, a, _ := postFIN(t, url, actor, mt734); code != want || a.Registered != nil {
					t.Errorf("an MT734 handed in by %s: %d, want %d", actor, code, want)
				}
			}
			for what, fin := range map[string]string{
				"another presentation": strings.Replace(mt734, ":21:BCP26PRS0042", ":21:BCP26PRS9999", 1),
				"another sender":       strings.Replace(mt734, "ESSESESSAXXX", "COBADEFFAXXX", 1),
			} {
				if code, a, _ := postFIN(t, url, "advising-bank", fin); code != 404 || a.problem.Status != 404 {
					t.Errorf("an MT734 of %s: %d %+v", what, code, a.problem)
				}
			}
			for range 2 { // the same MT734 again changes nothing
				code, a, _ := postFIN(t, url, "advising-bank", mt734)
				if code != 200 || a.Registered == nil || a.Registered.LetterOfCredit != "ESSESESS.ILC2026-0042" || a.Registered.Href != lc || a.Type != "MT734" {
					t.Fatalf("register the MT734: %d %+v %+v", code, a.Registered, a.problem)
				}
			}
			_, got := call(t, s, "importer", "GET", lc, nil)
			p := got["presentations"].([]any)[0].(map[string]any)
			r, _ := p["refusal"].(map[string]any)
			if got["status"] != "REFUSED" || p["status"] != "REFUSED" || r == nil || r["disposal"] != "NOTIFY" || r["date"] != "2026-12-18" {
				t.Fatalf("the refused presentation: %v (credit %v)", p, got["status"])
			}
			ds := r["discrepancies"].([]any)
			if len(ds) != 2 || ds[0].(map[string]any)["rule"] != "UCP 600 ART. 18(A)(I)" || ds[1].(map[string]any)["message"] != "BILL OF LADING WITHOUT ON BOARD NOTATION" {
				t.Fatalf("the refusal's discrepancies: %v", ds)
			}
			if code, a, _ := postFIN(t, url, "advising-bank", strings.Replace(mt734, ":77B:/NOTIFY/", ":77B:/RETURN/", 1)); code != 409 {
				t.Fatalf("another MT734 for the refused presentation: %d %+v", code, a.problem)
			}
			if code, a, _ := postFIN(t, url+"?register=false", "advising-bank", strings.Replace(mt734, ":77B:/NOTIFY/", ":77B:/RETURN/", 1)); code != 200 || a.Registered != nil {
				t.Fatalf("an MT734 only read: %d %+v", code, a.problem)
			}
		})
	}
}

package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/problem"
)

// goldenFIN is a golden message of the swift package: real-shaped FIN text as banks receive it.
func goldenFIN(t *testing.T, mt string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "swift", "testdata", "golden", "mt"+mt+".fin"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var field20 = regexp.MustCompile(`\r\n:20:[^\r]*\r`)

var swiftTypes = []string{"700", "701", "705", "707", "708", "710", "711", "720", "721", "730", "732", "734", "740", "742", "747", "750", "752", "754", "756"}

type finAnswer struct {
	Type, Name, Sender, Receiver string
	Fields                       []struct {
		Tag, Name, Value string
		Decoded          map[string]any
	}
	Registered *struct {
		LetterOfCredit string
		Amendment      int
		Href           string
	}
	Continuations []finAnswer
	problem       problem.Details // a refusal's problem document
}

// postFIN hands in a FIN message as one of actors.
func postFIN(t *testing.T, url, actor, fin string) (int, finAnswer, http.Header) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(fin))
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set(testActor, actor)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var a finAnswer
	_ = json.Unmarshal(body, &a)
	_ = json.Unmarshal(body, &a.problem)
	return resp.StatusCode, a, resp.Header
}

// TestSwiftMessagesAnswerEveryGoldenMessage: each golden message is answered with its type and
// every field by tag and name, dates and amounts decoded; a broken one is a 422 naming the field.
func TestSwiftMessagesAnswerEveryGoldenMessage(t *testing.T) {
	s := server(t)
	url := s.URL + "/v1/swift/messages?register=false"
	for _, mt := range swiftTypes {
		t.Run("MT"+mt, func(t *testing.T) {
			fin := goldenFIN(t, mt)
			code, a, _ := postFIN(t, url, "advising-bank", fin)
			if code != 200 || a.Type != "MT"+mt || a.Name == "" || len(a.Fields) != strings.Count(fin, "\r\n:") || a.Registered != nil {
				t.Fatalf("%d %+v", code, a)
			}
			for _, f := range a.Fields {
				if f.Tag == "" || f.Name == "" || f.Value == "" || strings.Contains(f.Value, "\r") {
					t.Fatalf("field %+v", f)
				}
			}
			// Field 20 is in every type: a reference with "//" is refused naming it (error code T26).
			broken := field20.ReplaceAllString(fin, "\r\n:20:X//Y\r")
			code, a, _ = postFIN(t, url, "advising-bank", broken)
			if code != 422 || len(a.problem.InvalidParams) != 1 || a.problem.InvalidParams[0].Name != "20" || !strings.Contains(a.problem.InvalidParams[0].Reason, "T26") {
				t.Fatalf("broken field 20: %d %+v", code, a.problem)
			}
		})
	}
	_, a, _ := postFIN(t, url, "advising-bank", goldenFIN(t, "700"))
	decoded := map[string]map[string]any{}
	for _, f := range a.Fields {
		decoded[f.Tag] = f.Decoded
	}
	if decoded["31C"]["date"] != "2026-11-02" || decoded["31D"]["date"] != "2027-03-15" || decoded["31D"]["place"] != "LISBON" ||
		decoded["32B"]["amount"].(map[string]any)["minor"] != float64(25_000_000) || decoded["58A"]["bic"] != "BCOMPTPL" || decoded["45A"] != nil {
		t.Fatalf("MT700 decoded: %v", decoded)
	}
	for _, c := range []struct{ name, mt, old, new, field string }{
		{"amount with a decimal point", "700", ":32B:EUR250000,00", ":32B:EUR250000.00", "32B"},
		{"shipment date and period", "700", ":44D:", ":44C:270215\r\n:44D:", "44D"},
		{"drafts without drawee", "740", ":42A:ESSESESS\r\n", "", "42C"},
		{"refusal without disposal", "734", ":77B:/NOTIFY/\r\n", "", "77B"},
		{"no text block end", "732", "\r\n-}", "\r\n", "message"},
	} {
		code, a, _ := postFIN(t, url, "advising-bank", strings.Replace(goldenFIN(t, c.mt), c.old, c.new, 1))
		if code != 422 || len(a.problem.InvalidParams) != 1 || a.problem.InvalidParams[0].Name != c.field || a.problem.Detail == "" {
			t.Errorf("%s: %d %+v", c.name, code, a.problem)
		}
	}
	if code, _, _ := postFIN(t, url, "exporter", goldenFIN(t, "700")); code != 403 {
		t.Errorf("a trader handing in a SWIFT message: %d", code)
	}
	if code, _, _ := postFIN(t, url, "advising-bank", strings.Repeat("X", 97<<10)); code != 400 && code != 413 {
		t.Errorf("a 97 KiB body: %d", code)
	}
	// An MT700 and its MT701 in one body: both answered; a continuation of another type refused.
	code, both, _ := postFIN(t, url, "advising-bank", goldenFIN(t, "700")+"\r\n"+goldenFIN(t, "701"))
	if code != 200 || both.Type != "MT700" || len(both.Continuations) != 1 || both.Continuations[0].Type != "MT701" {
		t.Errorf("MT700 with its MT701: %d %+v", code, both)
	}
	if code, a, _ := postFIN(t, url, "advising-bank", goldenFIN(t, "700")+goldenFIN(t, "711")); code != 422 || a.problem.InvalidParams[0].Name != "message" {
		t.Errorf("MT700 followed by an MT711: %d %+v", code, a.problem)
	}
}

// TestReceivedMT700AndMT707AreRegisteredForAdvice drives a credit another bank issued through
// the API on a real event store: the MT700 its advising bank received registers it, ISSUED, bound
// to the message's parties; the advising bank advises it and the beneficiary accepts; the MT707
// received becomes the amendment the beneficiary answers.
func TestReceivedMT700AndMT707AreRegisteredForAdvice(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			s := creditServer(t, open(t))
			url := s.URL + "/v1/swift/messages"
			parties := "?applicant=5493001NORDICIMP0058&beneficiary=5493002AZULEJOSLX028"
			mt700 := goldenFIN(t, "700")
			if code, a, _ := postFIN(t, url+parties, "other-bank", mt700); code != 403 || a.Registered != nil {
				t.Fatalf("a bank that is not the receiver registering: %d %+v", code, a)
			}
			if code, a, _ := postFIN(t, url+parties, "issuing-bank", mt700); code != 403 {
				t.Fatalf("the sender registering its own message: %d %+v", code, a)
			}
			if code, a, _ := postFIN(t, url, "advising-bank", mt700); code != 400 || len(a.problem.InvalidParams) != 2 {
				t.Fatalf("without the parties' organisations: %d %+v", code, a.problem)
			}
			bad := strings.Replace(mt700, ":31D:270315LISBON", ":31D:270315ATLANTIS", 1)
			if code, a, _ := postFIN(t, url+parties, "advising-bank", bad); code != 422 || len(a.problem.InvalidParams) == 0 || a.problem.InvalidParams[0].Name != "31D" {
				t.Fatalf("a place of expiry without a banking calendar: %d %+v", code, a.problem)
			}
			code, a, h := postFIN(t, url+parties, "advising-bank", mt700)
			if code != 201 || a.Registered == nil || a.Registered.LetterOfCredit != "ESSESESS.ILC2026-0042" || h.Get("Location") != "/v1/letters-of-credit/ESSESESS.ILC2026-0042" {
				t.Fatalf("register: %d %+v", code, a)
			}
			if code, again, _ := postFIN(t, url+parties, "advising-bank", mt700); code != 200 || again.Registered.LetterOfCredit != a.Registered.LetterOfCredit {
				t.Fatalf("the same MT700 again: %d %+v", code, again)
			}
			other := strings.Replace(mt700, ":32B:EUR250000,00", ":32B:EUR260000,00", 1)
			if code, _, _ := postFIN(t, url+parties, "advising-bank", other); code != 409 {
				t.Fatalf("another MT700 with the same number: %d", code)
			}
			lc := "/v1/letters-of-credit/" + a.Registered.LetterOfCredit
			code, got := call(t, s, "exporter", "GET", lc, nil)
			terms, _ := got["terms"].(map[string]any)
			if code != 200 || got["status"] != "ISSUED" || got["issueDate"] != "2026-11-02" || terms["issuingBank"] != "ESSESESS" || terms["advisingBank"] != "BCOMPTPL" ||
				terms["beneficiary"].(map[string]any)["name"] != "AZULEJOS LISBOA LDA" || terms["number"] != "ILC2026-0042" {
				t.Fatalf("registered credit: %d %v", code, got)
			}
			if code, _ := call(t, s, "outsider", "GET", lc, nil); code != 404 {
				t.Fatalf("an outsider reading the credit: %d", code)
			}
			if code := post(t, s.URL+lc+"/advice", "advising-bank", `{"advisedOn":"2026-11-03"}`); code != 200 {
				t.Fatalf("advice: %d", code)
			}
			if code := post(t, s.URL+lc+"/acceptance", "exporter", `{"acceptedOn":"2026-11-04"}`); code != 200 {
				t.Fatalf("acceptance: %d", code)
			}

			mt707 := goldenFIN(t, "707")
			if code, _, _ := postFIN(t, url, "other-bank", mt707); code != 403 {
				t.Fatalf("an MT707 registered by a bank not its receiver: %d", code)
			}
			code, a, _ = postFIN(t, url, "advising-bank", mt707)
			if code != 200 || a.Registered == nil || a.Registered.Amendment != 1 || a.Registered.LetterOfCredit != "ESSESESS.ILC2026-0042" {
				t.Fatalf("MT707: %d %+v", code, a)
			}
			if code, _, _ := postFIN(t, url, "advising-bank", mt707); code != 200 {
				t.Fatalf("the same MT707 again: %d", code)
			}
			unknown := strings.Replace(mt707, ":23:ILC2026-0042", ":23:ILC2026-9999", 1)
			if code, _, _ := postFIN(t, url, "advising-bank", unknown); code != 404 {
				t.Fatalf("an MT707 of a credit never registered: %d", code)
			}
			code, got = call(t, s, "exporter", "GET", lc, nil)
			ams, _ := got["amendments"].([]any)
			if code != 200 || len(ams) != 1 || ams[0].(map[string]any)["status"] != "PROPOSED" || ams[0].(map[string]any)["newExpiry"] != "2027-04-30" {
				t.Fatalf("amendment to advise: %d %v", code, got["amendments"])
			}
			// The advising bank advises the amendment it received before the beneficiary answers (UCP 600 Art. 9(d)).
			if code, body := call(t, s, "advising-bank", "POST", lc+"/amendments/1/advice", nil); code != 200 {
				t.Fatalf("advice of the amendment: %d %v", code, body)
			}
			if code, body := call(t, s, "exporter", "POST", lc+"/amendments/1/answer", map[string]any{"accepted": true}); code != 200 || body["terms"].(map[string]any)["expiryDate"] != "2027-04-30" {
				t.Fatalf("the beneficiary accepting the amendment: %d %v", code, body)
			}

			// An MT700 continued in an MT701, handed in together: one credit, its narrative whole.
			withMT701 := strings.NewReplacer(":27:1/1", ":27:1/2", "ILC2026-0042", "ILC2026-0043").Replace(mt700) + "$" +
				strings.ReplaceAll(goldenFIN(t, "701"), "ILC2026-0042", "ILC2026-0043")
			if code, a, _ := postFIN(t, url+parties, "advising-bank", strings.SplitAfter(withMT701, "-}")[0]); code != 422 || a.problem.InvalidParams[0].Name != "27" {
				t.Fatalf("an MT700 without the MT701 it announces: %d %+v", code, a.problem)
			}
			code, a, _ = postFIN(t, url+parties, "advising-bank", withMT701)
			if code != 201 || a.Registered == nil || len(a.Continuations) != 1 {
				t.Fatalf("MT700 with its MT701: %d %+v", code, a)
			}
			code, got = call(t, s, "advising-bank", "GET", a.Registered.Href, nil)
			terms, _ = got["terms"].(map[string]any)
			if code != 200 || !strings.Contains(terms["goods"].(map[string]any)["description"].(string), "CERAMIC WALL TILES") ||
				!strings.Contains(strings.Join(strings.Fields(toString(terms["documentsRequired"])), " "), "certificate_of_origin") {
				t.Fatalf("credit of an MT700 and its MT701: %d %v", code, terms)
			}

			// An MT734 refusing a presentation the bank never made is not found (received_refusal_test.go).
			if code, a, _ := postFIN(t, url, "advising-bank", goldenFIN(t, "734")); code != 404 || a.Registered != nil {
				t.Fatalf("MT734 of no presentation: %d %+v", code, a)
			}
		})
	}
}

func toString(v any) string { b, _ := json.Marshal(v); return string(b) }

package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	httpapi.Register(mux, app.New(nil, nil, app.Settings{Policy: domain.Policy{Calendars: calendars.Default()}}))
	s := httptest.NewServer(asActor(mux))
	t.Cleanup(s.Close)
	return s
}

// openAPIExample is the request example of the OpenAPI document, so the documentation is tested.
func openAPIExample(t *testing.T, s *httptest.Server) (string, map[string]any) {
	resp, err := http.Get(s.URL + "/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc map[string]any
	if err := yaml.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatalf("openapi.yaml is not YAML: %v", err)
	}
	post := doc["paths"].(map[string]any)["/v1/examinations"].(map[string]any)["post"].(map[string]any)
	ex := post["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["example"]
	b, err := json.Marshal(ex)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), doc
}

func TestExaminationOfTheDocumentedExample(t *testing.T) {
	s := server(t)
	body, doc := openAPIExample(t, s)
	if doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi = %v, want 3.1.0", doc["openapi"])
	}
	resp, err := examine(s.URL+"/v1/examinations", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e domain.Examination
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || !e.Compliant || e.Deadline.String() != "2026-12-16" {
		t.Fatalf("status %d, examination %+v (presented on a holiday, the 5 banking days run from the 9th)", resp.StatusCode, e)
	}
	// The same presentation with a foreign issuer: a discrepancy citing Art. 18(a)(i).
	bad := strings.Replace(body, `"issuer":"Azulejos Lisboa Lda"`, `"issuer":"Other Lda"`, 1)
	resp2, err := examine(s.URL+"/v1/examinations", strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	defer resp2.Body.Close()
	var e2 domain.Examination
	_ = json.NewDecoder(resp2.Body).Decode(&e2)
	if e2.Compliant || len(e2.Discrepancies) != 1 || e2.Discrepancies[0].Rule != "UCP 600 Art. 18(a)(i)" {
		t.Fatalf("examination = %+v", e2)
	}
}

func TestBadRequestsGetProblemDetails(t *testing.T) {
	s := server(t)
	body, _ := openAPIExample(t, s)
	cases := []struct {
		name, body, field string
	}{
		{"malformed JSON", `{"terms": {`, "body"},
		{"wrong type", strings.Replace(body, `"amount":{"currency":"EUR","minor":10000000},"applicant"`, `"amount":{"currency":"EUR","minor":"lots"},"applicant"`, 1), "terms.amount.minor"},
		{"unknown currency", strings.Replace(body, `"EUR"`, `"EUX"`, 1), "body"},
		{"unknown field", strings.Replace(body, `"expiryPlace"`, `"expiryPalace"`, 1), "terms.expiryPalace"},
		{"missing expiry date", strings.Replace(body, `"expiryDate":"2026-12-31",`, ``, 1), "terms.expiryDate"},
		{"unknown document kind", strings.Replace(body, `"kind":"bill_of_lading"`, `"kind":"airway_bill"`, 1), "presentation.documents[1].kind"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.body == body {
				t.Fatal("the test's replacement did not apply")
			}
			resp, err := examine(s.URL+"/v1/examinations", strings.NewReader(c.body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var d problem.Details
			_ = json.NewDecoder(resp.Body).Decode(&d)
			if resp.StatusCode != 400 || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Fatalf("status %d, type %s", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			found := false
			for _, p := range d.InvalidParams {
				found = found || p.Name == c.field
			}
			if !found {
				t.Fatalf("problem %+v does not name %s", d, c.field)
			}
		})
	}
}

// examine posts a pre-check as the exporter (any authenticated caller may).
func examine(url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(testActor, "exporter")
	return http.DefaultClient.Do(req)
}

// TestNobodyGetsUnauthorized: a request that carries no actor (no bearer middleware let it
// through) is refused with 401 on every endpoint, and never reaches the store.
func TestNobodyGetsUnauthorized(t *testing.T) {
	s := server(t)
	for _, r := range httpapi.Routes() {
		method, path, _ := strings.Cut(r, " ")
		path = strings.NewReplacer("{id}", "LC-1", "{n}", "1", "{pid}", "P-1").Replace(path)
		req, _ := http.NewRequest(method, s.URL+path, strings.NewReader(`{}`))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s without an actor: %d %s", r, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

package apispec_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/platform/apispec"
)

const spec = `
openapi: 3.1.0
info: {title: test, version: "1"}
servers: [{url: "http://127.0.0.1:20802"}]
security: [{bearerAuth: []}]
paths:
  /v1/things/{n}:
    post:
      parameters: [{name: n, in: path, required: true, schema: {type: integer}}, {name: dry, in: query, schema: {type: boolean}}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [name, amount]
              properties:
                name: {type: string, maxLength: 10}
                amount: {$ref: '#/components/schemas/Money'}
                tags: {type: array, items: {type: string}}
      responses: {"200": {description: done}}
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
  schemas:
    Money: {type: object, additionalProperties: false, required: [minor, currency], properties: {minor: {type: integer}, currency: {type: string, pattern: '^[A-Z]{3}$'}}}
`

type problem struct {
	Status        int `json:"status"`
	InvalidParams []struct {
		Name, Reason string
	} `json:"invalid-params"`
}

// server answers 200 with the body the handler read, behind the validator.
func server(t *testing.T) *httptest.Server {
	mux := apispec.NewMux()
	mux.HandleFunc("POST /v1/things/{n}", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		_, _ = w.Write(b)
	})
	srv := httptest.NewServer(apispec.Must([]byte(spec), 128).Wrap(mux))
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, path, contentType, body string) (int, problem, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var p problem
	if resp.StatusCode != http.StatusOK {
		if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%d answered as %q: %s", resp.StatusCode, ct, b)
		}
		if err := json.Unmarshal(b, &p); err != nil || p.Status != resp.StatusCode {
			t.Errorf("problem %s: %v", b, err)
		}
	}
	return resp.StatusCode, p, string(b)
}

func TestValidatorPassesAGoodRequestUntouched(t *testing.T) {
	srv := server(t)
	good := `{"name":"a","amount":{"minor":1,"currency":"EUR"}}`
	for _, ct := range []string{"application/json", "application/json; charset=utf-8", ""} {
		if status, _, body := post(t, srv, "/v1/things/7?dry=true", ct, good); status != 200 || body != good {
			t.Errorf("Content-Type %q: %d %s", ct, status, body)
		}
	}
}

func TestValidatorNamesEveryBadField(t *testing.T) {
	srv := server(t)
	cases := []struct {
		name, path, body string
		fields           []string
	}{
		{"unknown field", "/v1/things/7", `{"name":"a","amount":{"minor":1,"currency":"EUR"},"colour":"red"}`, []string{"colour"}},
		{"unknown nested field", "/v1/things/7", `{"name":"a","amount":{"minor":1,"currency":"EUR","rate":2}}`, []string{"amount.rate"}},
		{"wrong types", "/v1/things/7", `{"name":1,"amount":{"minor":"1","currency":"eur"}}`, []string{"amount.currency", "amount.minor", "name"}},
		{"missing required fields", "/v1/things/7", `{"amount":{"currency":"EUR"}}`, []string{"amount.minor", "name"}},
		{"array item", "/v1/things/7", `{"name":"a","amount":{"minor":1,"currency":"EUR"},"tags":["x",2]}`, []string{"tags[1]"}},
		{"no body", "/v1/things/7", ``, []string{"body"}},
		{"malformed body", "/v1/things/7", `{"name":`, []string{"body"}},
		{"path parameter", "/v1/things/seven", `{"name":"a","amount":{"minor":1,"currency":"EUR"}}`, []string{"n"}},
		{"query parameter", "/v1/things/7?dry=perhaps", `{"name":"a","amount":{"minor":1,"currency":"EUR"}}`, []string{"dry"}},
	}
	for _, c := range cases {
		status, p, body := post(t, srv, c.path, "application/json", c.body)
		var got []string
		for _, ip := range p.InvalidParams {
			got = append(got, ip.Name)
			if ip.Reason == "" || strings.Contains(ip.Reason, "\n") {
				t.Errorf("%s: reason %q", c.name, ip.Reason)
			}
		}
		slices.Sort(got)
		if status != http.StatusBadRequest || !slices.Equal(got, c.fields) {
			t.Errorf("%s: %d %v (want 400 %v): %s", c.name, status, got, c.fields, body)
		}
	}
}

func TestValidatorBoundsTheBody(t *testing.T) {
	srv := server(t)
	big := `{"name":"` + strings.Repeat("x", 200) + `","amount":{"minor":1,"currency":"EUR"}}`
	if status, _, body := post(t, srv, "/v1/things/7", "application/json", big); status != http.StatusRequestEntityTooLarge {
		t.Errorf("%d bytes: %d %s", len(big), status, body)
	}
	// Without a Content-Length the bound holds as the body is read.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/things/7", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked %d bytes: %d", len(big), resp.StatusCode)
	}
}

func TestValidatorRefusesAnotherMediaType(t *testing.T) {
	if status, _, body := post(t, server(t), "/v1/things/7", "application/x-www-form-urlencoded", "name=a"); status != http.StatusUnsupportedMediaType {
		t.Errorf("%d %s", status, body)
	}
}

func TestValidatorLeavesUndescribedRoutesToTheMux(t *testing.T) {
	srv := server(t)
	resp, err := http.Get(srv.URL + "/v1/things/7")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want the mux's 405", resp.StatusCode)
	}
}

func TestMuxRecordsItsPatterns(t *testing.T) {
	mux := apispec.NewMux()
	mux.HandleFunc("GET /a/{id}", func(http.ResponseWriter, *http.Request) {})
	mux.Handle("POST /b", http.NotFoundHandler())
	if got := mux.Patterns(); !slices.Equal(got, []string{"GET /a/{id}", "POST /b"}) {
		t.Errorf("patterns %v", got)
	}
}

func TestNewRefusesABadDescription(t *testing.T) {
	if _, err := apispec.New([]byte("openapi: 3.1.0\npaths: {/x: {get: {responses: 7}}}"), 1); err == nil {
		t.Error("a broken description loaded")
	}
}

// BenchmarkValidate is the validator's cost per request, beside the handler's own.
func BenchmarkValidate(b *testing.B) {
	mux := apispec.NewMux()
	mux.HandleFunc("POST /v1/things/{n}", func(http.ResponseWriter, *http.Request) {})
	h := apispec.Must([]byte(spec), 1<<20).Wrap(mux)
	body := `{"name":"a","amount":{"minor":1,"currency":"EUR"},"tags":["x","y"]}`
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/v1/things/7", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
}

// BenchmarkWithoutValidator is the same request straight to the mux, the floor to compare with.
func BenchmarkWithoutValidator(b *testing.B) {
	mux := apispec.NewMux()
	mux.HandleFunc("POST /v1/things/{n}", func(http.ResponseWriter, *http.Request) {})
	body := `{"name":"a","amount":{"minor":1,"currency":"EUR"},"tags":["x","y"]}`
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/v1/things/7", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		mux.ServeHTTP(httptest.NewRecorder(), req)
	}
}

package http

import (
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/services/signin/adapters/hydra"
	"github.com/tradefin/tradefin/services/signin/app"
	"github.com/tradefin/tradefin/services/signin/directory"
)

// The token hook answers from the directory alone; Hydra is not called.
func hookHandler(t *testing.T) http.Handler {
	t.Helper()
	seed, err := directory.Parse(directory.Dev)
	if err != nil {
		t.Fatal(err)
	}
	d, err := seed.Directory(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	admin, _ := hydra.NewAdmin("http://127.0.0.1:1", nil)
	return NewHandler(app.New(d), admin, Config{FirstParty: []string{"tradectl"}, Audience: "tradefin", HookKey: "k3y"})
}

func hook(t *testing.T, h http.Handler, key, body string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/hooks/token", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if key != "" {
		r.Header.Set(HookKeyHeader, key)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestTokenHook(t *testing.T) {
	h := hookHandler(t)
	cc := `{"session":{},"request":{"client_id":"maersk-edi","grant_types":["client_credentials"]}}`

	if w := hook(t, h, "", cc); w.Code != http.StatusUnauthorized {
		t.Errorf("no key: %d", w.Code)
	}
	if w := hook(t, h, "wrong", cc); w.Code != http.StatusUnauthorized {
		t.Errorf("wrong key: %d", w.Code)
	}

	w := hook(t, h, "k3y", cc)
	var resp struct {
		Session struct {
			AccessToken struct {
				Org     string   `json:"org"`
				OrgKind string   `json:"org_kind"`
				Roles   []string `json:"roles"`
			} `json:"access_token"`
		} `json:"session"`
	}
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &resp) != nil {
		t.Fatalf("client credentials: %d %s", w.Code, w.Body)
	}
	if a := resp.Session.AccessToken; a.Org != "MAEU" || a.OrgKind != "carrier" || len(a.Roles) != 1 || a.Roles[0] != "carrier-agent" {
		t.Errorf("maersk-edi's claims: %+v", a)
	}

	stray := `{"request":{"client_id":"stray","grant_types":["client_credentials"]}}`
	if w := hook(t, h, "k3y", stray); w.Code != http.StatusForbidden {
		t.Errorf("a client outside the directory: %d, want 403 (Hydra: access_denied)", w.Code)
	}
	// A user's grants carry the consent's claims already: the hook leaves them.
	for _, g := range []string{"authorization_code", "refresh_token"} {
		if w := hook(t, h, "k3y", `{"request":{"client_id":"tradectl","grant_types":["`+g+`"]}}`); w.Code != http.StatusNoContent {
			t.Errorf("%s: %d, want 204", g, w.Code)
		}
	}
	if w := hook(t, h, "k3y", `{"request":`); w.Code != http.StatusBadRequest {
		t.Errorf("malformed body: %d", w.Code)
	}
	if w := hook(t, h, "k3y", `{"request":{"client_id":"`+strings.Repeat("x", maxHookBytes)+`"}}`); w.Code != http.StatusBadRequest {
		t.Errorf("oversized body: %d", w.Code)
	}
}

func TestLoginPageWithoutChallenge(t *testing.T) {
	w := httptest.NewRecorder()
	hookHandler(t).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/login", nil))
	if w.Code != http.StatusBadRequest || strings.Contains(w.Body.String(), "<form") ||
		w.Header().Get("X-Frame-Options") != "DENY" || w.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("%d %v\n%s", w.Code, w.Header(), w.Body)
	}
}

// A login form posted from another site's page is refused before any password is checked.
func TestCrossSiteLoginPostIsRefused(t *testing.T) {
	r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("login_challenge=c&username=erik&password=erik-dev-pass"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	w := httptest.NewRecorder()
	hookHandler(t).ServeHTTP(w, r)
	if w.Code != http.StatusForbidden {
		t.Fatalf("cross-site post: %d", w.Code)
	}
}

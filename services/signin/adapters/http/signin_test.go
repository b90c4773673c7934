package http_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/platform/signin"
	"github.com/tradefin/tradefin/services/signin/adapters/hydra"
)

// These tests drive the stack's real Hydra and sign-in app over HTTP, as a browser and as
// machine clients do.

const callback = testenv.TradectlRedirectURI

// browser follows redirects with cookies and records whether the flow reached the callback.
type browser struct {
	c       *http.Client
	landing *url.URL
}

func newBrowser() *browser {
	jar, _ := cookiejar.New(nil)
	b := &browser{}
	b.c = &http.Client{Jar: jar, Timeout: 20 * time.Second, CheckRedirect: func(req *http.Request, _ []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), callback) {
			b.landing = req.URL
			return http.ErrUseLastResponse
		}
		return nil
	}}
	return b
}

func (b *browser) do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// startFlow opens tradectl's authorization URL and returns the login page it lands on.
func startFlow(t *testing.T, b *browser, clientID string) (*http.Response, string) {
	t.Helper()
	verifier := strings.Repeat("v", 50)
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{"client_id": {clientID}, "response_type": {"code"}, "redirect_uri": {callback},
		"scope": {"openid offline"}, "state": {"state-of-the-test-0001"}, "audience": {"tradefin"},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"}}
	req, _ := http.NewRequest(http.MethodGet, testenv.OIDCIssuer(t)+"/oauth2/auth?"+q.Encode(), nil)
	return b.do(t, req)
}

func postLogin(t *testing.T, b *browser, page *http.Response, body, username, password string) (*http.Response, string) {
	t.Helper()
	i := strings.Index(body, `name="login_challenge" value="`)
	if i < 0 {
		t.Fatalf("no login form at %s:\n%s", page.Request.URL.Path, body)
	}
	rest := body[i+len(`name="login_challenge" value="`):]
	challenge := rest[:strings.IndexByte(rest, '"')]
	form := url.Values{"login_challenge": {htmlUnescape(challenge)}, "username": {username}, "password": {password}}
	action := page.Request.URL.ResolveReference(&url.URL{Path: "/login"})
	req, _ := http.NewRequest(http.MethodPost, action.String(), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(t, req)
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">").Replace(s)
}

func TestWrongPasswordShowsTheFormAgainAndIssuesNoCode(t *testing.T) {
	b := newBrowser()
	page, body := startFlow(t, b, "tradectl") //nolint:bodyclose // browser.do read and closed the body
	if page.StatusCode != http.StatusOK || !strings.Contains(body, `<label for="password">Password</label>`) {
		t.Fatalf("the authorize endpoint did not lead to the login page: %d %s\n%s", page.StatusCode, page.Request.URL.Path, body)
	}
	if csp := page.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("the login page may be framed: CSP %q", csp)
	}

	again, body := postLogin(t, b, page, body, "erik", "not-eriks-password") //nolint:bodyclose // browser.do read and closed the body
	if again.StatusCode != http.StatusOK || !strings.Contains(body, "wrong username or password") ||
		!strings.Contains(body, `name="login_challenge"`) || !strings.Contains(body, `value="erik"`) {
		t.Fatalf("wrong password: %d\n%s", again.StatusCode, body)
	}
	if b.landing != nil {
		t.Fatalf("a wrong password reached the redirect URI: %s", b.landing)
	}

	// The same form, now with the right password, completes the flow with a code.
	_, _ = postLogin(t, b, again, body, "erik", "erik-dev-pass") //nolint:bodyclose // browser.do read and closed the body
	if b.landing == nil || b.landing.Query().Get("code") == "" || b.landing.Query().Get("state") != "state-of-the-test-0001" {
		t.Fatalf("right password: the flow did not reach the callback with a code (landing %v)", b.landing)
	}
}

func TestLoginRefusesWrongPasswordsAndCarriesThePartyThroughRefresh(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cfg := signin.Config{Issuer: testenv.OIDCIssuer(t), ClientID: "tradectl", RedirectURL: callback}
	for _, c := range [][2]string{{"erik", "sara-dev-pass"}, {"nobody", "nobody-dev-pass"}} {
		_, err := signin.Login(ctx, cfg, c[0], c[1])
		var re *signin.RefusedError
		if !errors.As(err, &re) || !errors.Is(err, signin.ErrSignInRefused) || re.Message != "wrong username or password" {
			t.Errorf("%s: %v", c[0], err)
		}
	}
	tok, err := signin.Login(ctx, cfg, "marta", "marta-dev-pass")
	if err != nil || tok.AccessToken == "" || tok.RefreshToken == "" {
		t.Fatalf("marta: %v (%+v)", err, tok)
	}
	idt, ok := tok.Extra("id_token").(string)
	if !ok {
		t.Fatal("no ID token for scope openid")
	}
	if c := claims(t, idt); c["org"] != "PT000100" || c["org_kind"] != "customs" || c["name"] != "marta" || c["org_name"] != "Alfândega de Lisboa" {
		t.Errorf("marta's ID token: %v", c)
	}
	if ext, _ := claims(t, tok.AccessToken)["ext"].(map[string]any); ext["org"] != "PT000100" || ext["org_kind"] != "customs" {
		t.Errorf("marta's access token ext: %v", ext)
	}

	// A refreshed token keeps the party (the token hook leaves non-machine grants as they are).
	ep, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	e := ep.Endpoint()
	e.AuthStyle = oauth2.AuthStyleInParams
	oc := oauth2.Config{ClientID: "tradectl", Endpoint: e}
	tok.Expiry = time.Now().Add(-time.Minute)
	fresh, err := oc.TokenSource(ctx, tok).Token()
	if err != nil {
		t.Fatal(err)
	}
	if fresh.AccessToken == tok.AccessToken {
		t.Fatal("the token was not refreshed")
	}
	if ext, _ := claims(t, fresh.AccessToken)["ext"].(map[string]any); ext["org"] != "PT000100" || ext["org_kind"] != "customs" {
		t.Errorf("refreshed access token ext: %v", ext)
	}
}

// claims decodes a JWT's payload without verifying it (the bearer package's tests verify).
func claims(t *testing.T, jwt string) map[string]any {
	t.Helper()
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", jwt)
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestUnknownClientGetsNoToken(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	issuer := testenv.OIDCIssuer(t)
	if tok, err := signin.ClientCredentials(ctx, issuer, "no-such-client", "no-such-client-dev-secret", "tradefin"); err == nil {
		t.Fatalf("a client Hydra does not know got a token: %v", tok)
	} else if !strings.Contains(err.Error(), "invalid_client") {
		t.Fatalf("unknown client: %v", err)
	}
	if _, err := signin.ClientCredentials(ctx, issuer, "seb-backoffice", "wrong-secret", "tradefin"); err == nil || !strings.Contains(err.Error(), "invalid_client") {
		t.Fatalf("wrong secret: %v", err)
	}

	// A client registered in Hydra that acts for no party of the directory: the token hook
	// refuses, so Hydra issues nothing.
	admin, err := hydra.NewAdmin(testenv.HydraAdminURL(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	stray := hydra.Client{ClientID: "stray-machine", ClientSecret: "stray-machine-dev-secret", GrantTypes: []string{"client_credentials"},
		Audience: []string{"tradefin"}, TokenEndpointAuthMethod: "client_secret_basic"}
	if err := admin.EnsureClient(ctx, stray); err != nil {
		t.Fatal(err)
	}
	if err := admin.EnsureClient(ctx, stray); err != nil { // idempotent
		t.Fatalf("registering again: %v", err)
	}
	if got, err := admin.GetClient(ctx, "stray-machine"); err != nil || got.ClientID != "stray-machine" {
		t.Fatalf("registered client: %+v %v", got, err)
	}
	if tok, err := signin.ClientCredentials(ctx, issuer, "stray-machine", "stray-machine-dev-secret", "tradefin"); err == nil {
		t.Fatalf("a client outside the directory got a token: %v", tok)
	} else if !strings.Contains(err.Error(), "access_denied") {
		t.Fatalf("client outside the directory: %v", err)
	}
}

// A client that is not tradefin's own gets no consent: the user cannot be signed in to it.
func TestThirdPartyClientGetsNoConsent(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	admin, err := hydra.NewAdmin(testenv.HydraAdminURL(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	err = admin.EnsureClient(ctx, hydra.Client{ClientID: "third-party-app", GrantTypes: []string{"authorization_code"},
		ResponseTypes: []string{"code"}, RedirectURIs: []string{callback}, Scope: "openid offline",
		Audience: []string{"tradefin"}, TokenEndpointAuthMethod: "none"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = signin.Login(ctx, signin.Config{Issuer: testenv.OIDCIssuer(t), ClientID: "third-party-app", RedirectURL: callback}, "ingrid", "ingrid-dev-pass")
	var oe *signin.OAuthError
	if !errors.As(err, &oe) || oe.Code != "access_denied" {
		t.Fatalf("third-party client: %v", err)
	}
}

// A browser that signed in is remembered by Hydra: the next flow skips the form, and the
// sign-in app still accepts it only for a user of the directory.
func TestRememberedSignInSkipsTheForm(t *testing.T) {
	b := newBrowser()
	page, body := startFlow(t, b, "tradectl")                     //nolint:bodyclose // browser.do read and closed the body
	_, _ = postLogin(t, b, page, body, "audra", "audra-dev-pass") //nolint:bodyclose // browser.do read and closed the body
	if b.landing == nil || b.landing.Query().Get("code") == "" {
		t.Fatal("first sign-in did not complete")
	}
	b.landing = nil
	resp, body := startFlow(t, b, "tradectl") //nolint:bodyclose // browser.do read and closed the body
	if b.landing == nil || b.landing.Query().Get("code") == "" {
		t.Fatalf("the remembered sign-in showed a page instead: %d\n%s", resp.StatusCode, body)
	}
	if strings.Contains(body, `name="password"`) {
		t.Fatal("the form was shown again")
	}
}

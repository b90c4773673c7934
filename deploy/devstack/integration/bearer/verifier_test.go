//go:build !unit

package bearer_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/bearer"
	"github.com/tradefin/tradefin/events/platform/signin"
)

// These tests run against the stack's real Hydra and sign-in app: the tokens are the ones
// services will see.

func verifier(t *testing.T, leeway time.Duration) *bearer.Verifier {
	t.Helper()
	v, err := bearer.NewVerifier(bearer.Config{Issuer: testenv.OIDCIssuer(t), Audience: testenv.OIDCAudience(t), Leeway: leeway})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func verify(t *testing.T, v *bearer.Verifier, token string) (identity.Actor, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return v.Verify(ctx, token)
}

func TestUserTokensMapToTheirActors(t *testing.T) {
	v := verifier(t, 0)
	cases := map[string]identity.Actor{
		"ingrid": {Org: "5493001NORDICIMP0058", OrgKind: identity.Trader, Subject: "ingrid", Client: "tradectl", Roles: []string{identity.RoleTrader}},
		"sara": {Org: "ESSESESS", OrgKind: identity.Bank, Subject: "sara", Client: "tradectl",
			Roles: []string{identity.RoleTradeOfficer, identity.RoleApprover}},
	}
	for user, want := range cases {
		got, err := verify(t, v, testenv.UserToken(t, user))
		if err != nil {
			t.Fatalf("%s: %v", user, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s's token is %+v, want %+v", user, got, want)
		}
	}
}

func TestClientCredentialsTokenActsForTheClientsOrganisation(t *testing.T) {
	got, err := verify(t, verifier(t, 0), testenv.ClientToken(t, "seb-backoffice"))
	if err != nil {
		t.Fatal(err)
	}
	want := identity.Actor{Org: "ESSESESS", OrgKind: identity.Bank, Subject: "seb-backoffice", Client: "seb-backoffice",
		Roles: []string{identity.RoleTradeOfficer, identity.RolePaymentsOfficer}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("seb-backoffice's token is %+v, want %+v", got, want)
	}
}

func refusedFor(t *testing.T, err error, reason string) {
	t.Helper()
	var te *bearer.TokenError
	if !errors.As(err, &te) {
		t.Fatalf("want a TokenError (401), got %v", err)
	}
	if !strings.Contains(te.Reason, reason) {
		t.Fatalf("refused for %q, want %q", te.Reason, reason)
	}
}

func TestTokenForAnotherAudienceIsRefused(t *testing.T) {
	issuer := testenv.OIDCIssuer(t) // first: it may start the stack, which the timeout below is not for
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tok, err := signin.ClientCredentials(ctx, issuer, "wrong-audience-client", "wrong-audience-client-dev-secret", "other-api")
	if err != nil {
		t.Fatal(err)
	}
	_, err = verify(t, verifier(t, 0), tok.AccessToken)
	refusedFor(t, err, "audience")
}

func TestExpiredTokenIsRefusedAsExpired(t *testing.T) {
	issuer := testenv.OIDCIssuer(t) // first: it may start the stack, which the timeout below is not for
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tok, err := signin.ClientCredentials(ctx, issuer, "short-lived-client", "short-lived-client-dev-secret", testenv.OIDCAudience(t))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2100 * time.Millisecond) // past its 1 s lifespan, "exp" being whole seconds
	_, err = verify(t, verifier(t, 0), tok.AccessToken)
	refusedFor(t, err, "token expired")
}

// A verifier remembers the tokens it checked (an RSA check per request is costly), but never
// past their expiry: the same verifier that accepted a token refuses it once it has expired.
func TestARememberedTokenIsRefusedOnceExpired(t *testing.T) {
	issuer := testenv.OIDCIssuer(t) // first: it may start the stack, which the timeout below is not for
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v := verifier(t, 0)
	// The 1 s token's "exp" is whole seconds, so one issued late in a second expired at its end:
	// asked for at 0.95 s past it, the token lived 50 ms, and under the CI's load it had expired
	// before the first check (2026-12-02). Asked for just after a second begins, it lives ~1 s.
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 10*time.Millisecond)))
	tok, err := signin.ClientCredentials(ctx, issuer, "short-lived-client", "short-lived-client-dev-secret", testenv.OIDCAudience(t))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second time from the cache
		if _, err := verify(t, v, tok.AccessToken); err != nil {
			t.Fatalf("fresh token refused: %v", err)
		}
	}
	time.Sleep(2100 * time.Millisecond)
	_, err = verify(t, v, tok.AccessToken)
	refusedFor(t, err, "token expired")
}

// tamper changes one character in the middle of the JWT's signature.
func tamper(t *testing.T, jwt string) string {
	t.Helper()
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 || len(parts[2]) < 10 {
		t.Fatalf("not a JWS compact serialisation: %q", jwt)
	}
	sig := []byte(parts[2])
	i := len(sig) / 2
	if sig[i] == 'A' {
		sig[i] = 'B'
	} else {
		sig[i] = 'A'
	}
	return parts[0] + "." + parts[1] + "." + string(sig)
}

func TestTamperedSignatureIsRefused(t *testing.T) {
	_, err := verify(t, verifier(t, 0), tamper(t, testenv.UserToken(t, "erik")))
	refusedFor(t, err, "signature")
}

// A token whose claims were changed (another organisation) under the original signature fails
// the same way: the signature covers the claims.
func TestForgedClaimsAreRefused(t *testing.T) {
	parts := strings.Split(testenv.UserToken(t, "olga"), ".")
	forged := strings.Replace(parts[1], parts[1][10:14], "AAAA", 1)
	_, err := verify(t, verifier(t, 0), parts[0]+"."+forged+"."+parts[2])
	var te *bearer.TokenError
	if !errors.As(err, &te) {
		t.Fatalf("forged claims: %v", err)
	}
}

func TestMiddlewareChallengesAndAuthenticates(t *testing.T) {
	var seen identity.Actor
	ran := false
	h := bearer.Middleware(verifier(t, 0), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ran = true
		seen, _ = identity.FromContext(r.Context())
		w.WriteHeader(http.StatusNoContent)
	}), "/openapi.yaml")
	call := func(path, auth string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		// Identity is never taken from a header the caller sets.
		r.Header.Set("X-Tradefin-Role", "issuing-bank")
		r.Header.Set("X-Tradefin-Actor", "ESSESESS")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	problem := func(w *httptest.ResponseRecorder) map[string]any {
		var p map[string]any
		if w.Header().Get("Content-Type") != "application/problem+json" || json.Unmarshal(w.Body.Bytes(), &p) != nil {
			t.Fatalf("not an RFC 9457 problem: %s %q", w.Header().Get("Content-Type"), w.Body.String())
		}
		return p
	}

	w := call("/v1/letters-of-credit/x", "")
	if w.Code != http.StatusUnauthorized || w.Header().Get("WWW-Authenticate") != `Bearer realm="tradefin"` {
		t.Fatalf("no token: %d, WWW-Authenticate %q", w.Code, w.Header().Get("WWW-Authenticate"))
	}
	if p := problem(w); p["status"] != float64(401) {
		t.Fatalf("no token: problem %v", p)
	}
	if ran {
		t.Fatal("the handler ran without a token")
	}

	w = call("/v1/letters-of-credit/x", "Bearer "+tamper(t, testenv.UserToken(t, "erik")))
	if ran {
		t.Fatal("the handler ran with a badly signed token")
	}
	if c := w.Header().Get("WWW-Authenticate"); w.Code != http.StatusUnauthorized || !strings.HasPrefix(c, `Bearer realm="tradefin", error="invalid_token"`) {
		t.Fatalf("bad signature: %d, WWW-Authenticate %q", w.Code, c)
	}
	problem(w)

	w = call("/v1/letters-of-credit/x", "Bearer "+testenv.UserToken(t, "ana"))
	if w.Code != http.StatusNoContent || seen.Org != "BCOMPTPL" || seen.Subject != "ana" || !seen.Has(identity.RoleTradeOfficer) {
		t.Fatalf("ana's token: %d, actor %+v", w.Code, seen)
	}

	if w = call("/openapi.yaml", ""); w.Code != http.StatusNoContent {
		t.Fatalf("public path: %d", w.Code)
	}
}

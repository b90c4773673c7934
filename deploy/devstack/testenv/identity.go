package testenv

import (
	"context"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/tradefin/tradefin/events/platform/signin"
)

// OIDCIssuer returns the issuer of the stack's identity provider, exactly as its tokens' "iss".
func OIDCIssuer(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_OIDC_ISSUER")
}

// OIDCAudience returns the audience tradefin's APIs accept.
func OIDCAudience(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_OIDC_AUDIENCE")
}

// The dev directory's conventions (services/signin/directory/dev.yaml).
func devPassword(username string) string { return username + "-dev-pass" }
func devSecret(clientID string) string   { return clientID + "-dev-secret" }

// TradectlRedirectURI is tradectl's registered redirect URI, used by UserToken's sign-in.
const TradectlRedirectURI = "http://127.0.0.1/callback"

var (
	sourcesMu                sync.Mutex
	userTokens, clientTokens signin.Tokens
)

// setSource gives cache its source once; parallel tests then share the cache.
func setSource(cache *signin.Tokens, src func(context.Context, string) (*oauth2.Token, error)) {
	sourcesMu.Lock()
	defer sourcesMu.Unlock()
	if cache.Source == nil {
		cache.Source = src
	}
}

// UserTokens returns the dev users' token source for code that signs in on its own (the
// scenario client): Get(ctx, username) signs the user in as UserToken does, without failing t.
func UserTokens(t testing.TB) *signin.Tokens {
	t.Helper()
	issuer, aud := OIDCIssuer(t), OIDCAudience(t)
	setSource(&userTokens, func(ctx context.Context, user string) (*oauth2.Token, error) {
		return signin.Login(ctx, signin.Config{Issuer: issuer, ClientID: "tradectl", RedirectURL: TradectlRedirectURI, Audience: aud},
			user, devPassword(user))
	})
	return &userTokens
}

// UserToken returns an access token of the dev user username, who signs in through the real
// login page with the authorization-code flow and PKCE as tradectl. Tokens are shared by the
// test binary's tests and renewed before they expire.
func UserToken(t testing.TB, username string) string {
	t.Helper()
	return get(t, UserTokens(t), username)
}

// ClientToken returns a client-credentials access token of the dev machine client clientID.
func ClientToken(t testing.TB, clientID string) string {
	t.Helper()
	issuer, aud := OIDCIssuer(t), OIDCAudience(t)
	setSource(&clientTokens, func(ctx context.Context, id string) (*oauth2.Token, error) {
		return signin.ClientCredentials(ctx, issuer, id, devSecret(id), aud)
	})
	return get(t, &clientTokens, clientID)
}

func get(t testing.TB, cache *signin.Tokens, key string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tok, err := cache.Get(ctx, key)
	if err != nil {
		t.Fatalf("testenv: token of %s: %v", key, err)
	}
	return tok
}

// HydraAdminURL returns the identity provider's admin API (for tests that register a client).
func HydraAdminURL(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_HYDRA_ADMIN_URL")
}

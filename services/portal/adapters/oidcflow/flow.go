// Package oidcflow signs people in to the portal through the network's OpenID Connect provider
// with the authorization-code flow and PKCE (RFC 6749 §4.1, RFC 7636, S256), as the public
// client tradefin-portal: the browser goes to the provider's authorize endpoint, the user signs
// in on its login page, and the callback exchanges the code with the verifier. The ID token is
// verified (issuer, audience = the client, nonce) for the names in the header; the access token
// is verified as every service verifies it, and only then is the session written.
package oidcflow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/bearer"
	"github.com/tradefin/tradefin/services/portal/adapters/session"
)

// Config says where and as which client the portal signs people in.
type Config struct {
	Issuer      string // TRADEFIN_OIDC_ISSUER
	Audience    string // the APIs' audience the access token must name
	ClientID    string // tradefin-portal
	RedirectURL string // <portal>/callback, as registered with the provider
}

// Flow serves /signin, /callback and /signout.
type Flow struct {
	cfg      Config
	sessions *session.Store
	tokens   *bearer.Verifier

	mu       sync.Mutex
	provider *oidc.Provider // found by discovery on first use: the portal may start before its IdP
}

// New returns the flow; tokens checks access tokens as the services do.
func New(cfg Config, sessions *session.Store, tokens *bearer.Verifier) *Flow {
	return &Flow{cfg: cfg, sessions: sessions, tokens: tokens}
}

func (f *Flow) discover(ctx context.Context) (*oidc.Provider, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.provider != nil {
		return f.provider, nil
	}
	p, err := oidc.NewProvider(ctx, f.cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("the identity provider %s does not answer: %w", f.cfg.Issuer, err)
	}
	f.provider = p
	return p, nil
}

func (f *Flow) oauth(p *oidc.Provider) oauth2.Config {
	ep := p.Endpoint()
	ep.AuthStyle = oauth2.AuthStyleInParams // a public client: its ID in the form, no secret
	return oauth2.Config{ClientID: f.cfg.ClientID, Endpoint: ep, RedirectURL: f.cfg.RedirectURL, Scopes: []string{oidc.ScopeOpenID}}
}

// SignIn sends the browser to the provider. prompt=login (OIDC Core §3.1.2.1) asks for the
// password every time, so after a sign-out nobody else continues as the last user of a shared
// browser on the provider's remembered login.
func (f *Flow) SignIn(w http.ResponseWriter, r *http.Request) {
	p, err := f.discover(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	fl := session.Flow{State: session.Token(), Nonce: session.Token(), Verifier: oauth2.GenerateVerifier(), Return: localPath(r.URL.Query().Get("return"))}
	if err := f.sessions.SaveFlow(w, fl); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	oc := f.oauth(p)
	http.Redirect(w, r, oc.AuthCodeURL(fl.State, oauth2.S256ChallengeOption(fl.Verifier), oidc.Nonce(fl.Nonce),
		oauth2.SetAuthURLParam("audience", f.cfg.Audience), oauth2.SetAuthURLParam("prompt", "login")), http.StatusFound)
}

// Callback finishes the sign-in and writes the session.
func (f *Flow) Callback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	fl, err := f.sessions.TakeFlow(w, r)
	q := r.URL.Query()
	switch {
	case err != nil:
	case q.Get("error") != "":
		// RFC 6749 §4.1.2.1: the provider refused (e.g. consent denied).
		err = fmt.Errorf("the identity provider refused: %s %s", q.Get("error"), q.Get("error_description"))
	case q.Get("state") != fl.State:
		err = errors.New("the sign-in's state does not match (start again)")
	}
	if err != nil {
		http.Error(w, "sign-in failed: "+err.Error(), http.StatusBadRequest)
		return
	}
	sess, err := f.exchange(ctx, fl, q.Get("code"))
	if err != nil {
		http.Error(w, "sign-in failed: "+err.Error(), http.StatusBadGateway)
		return
	}
	if err := f.sessions.Save(w, sess); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, fl.Return, http.StatusSeeOther)
}

func (f *Flow) exchange(ctx context.Context, fl session.Flow, code string) (session.Session, error) {
	p, err := f.discover(ctx)
	if err != nil {
		return session.Session{}, err
	}
	oc := f.oauth(p)
	tok, err := oc.Exchange(ctx, code, oauth2.VerifierOption(fl.Verifier))
	if err != nil {
		return session.Session{}, fmt.Errorf("code exchange: %w", err)
	}
	rawID, _ := tok.Extra("id_token").(string)
	id, err := p.Verifier(&oidc.Config{ClientID: f.cfg.ClientID}).Verify(ctx, rawID)
	if err != nil {
		return session.Session{}, fmt.Errorf("ID token: %w", err)
	}
	if id.Nonce != fl.Nonce {
		return session.Session{}, errors.New("ID token: the nonce does not match")
	}
	var names struct {
		Name    string `json:"name"`
		OrgName string `json:"org_name"`
	}
	if err := id.Claims(&names); err != nil {
		return session.Session{}, fmt.Errorf("ID token: %w", err)
	}
	if _, err := f.tokens.Verify(ctx, tok.AccessToken); err != nil {
		return session.Session{}, fmt.Errorf("access token: %w", err)
	}
	return session.Session{AccessToken: tok.AccessToken, Expiry: tok.Expiry, Name: names.Name, OrgName: names.OrgName}, nil
}

// SignOut ends the portal's session (a POST carrying the CSRF token; checked by the caller).
func (f *Flow) SignOut(w http.ResponseWriter, r *http.Request) {
	f.sessions.Clear(w)
	http.Redirect(w, r, "/?signed-out=1", http.StatusSeeOther)
}

// Actor is who the session's access token says the user is, verified again (signature, issuer,
// audience, expiry) on every request: identity comes only from a verified token.
func (f *Flow) Actor(ctx context.Context, s session.Session) (identity.Actor, error) {
	return f.tokens.Verify(ctx, s.AccessToken)
}

// localPath keeps a return address on the portal itself (no open redirect).
func localPath(p string) string {
	if u, err := url.Parse(p); err != nil || p == "" || u.IsAbs() || u.Host != "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.Contains(p, "\\") {
		return "/trades"
	}
	return p
}

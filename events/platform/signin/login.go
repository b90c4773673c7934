package signin

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// Config says which client signs in at which issuer.
type Config struct {
	Issuer   string // the OIDC issuer (TRADEFIN_OIDC_ISSUER)
	ClientID string // a public client registered for the authorization-code flow, e.g. tradectl
	// RedirectURL is the client's registered redirect URI. Nothing needs to listen there: the
	// flow stops at the redirect and reads the code from it, as a native app's loopback does.
	RedirectURL string
	Scopes      []string // default: openid, offline
	Audience    string   // default: tradefin
	// HTTPClient's transport carries the requests (default: http.DefaultTransport); a cookie
	// jar of the flow's own is always used, like a fresh browser profile.
	HTTPClient *http.Client
}

// ErrSignInRefused is a login the sign-in app refused (wrong username or password).
var ErrSignInRefused = errors.New("signin: sign-in refused")

// RefusedError carries the message the login page showed.
type RefusedError struct{ Message string }

func (e *RefusedError) Error() string        { return "signin: sign-in refused: " + e.Message }
func (e *RefusedError) Is(target error) bool { return target == ErrSignInRefused }

// OAuthError is an error the authorization server sent to the redirect URI (RFC 6749 §4.1.2.1).
type OAuthError struct{ Code, Description string }

func (e *OAuthError) Error() string { return "signin: " + e.Code + ": " + e.Description }

const (
	maxPageBytes = 256 << 10
	maxRedirects = 20
)

// Login signs username in with the authorization-code flow with PKCE and returns its tokens.
func Login(ctx context.Context, cfg Config, username, password string) (*oauth2.Token, error) {
	if cfg.Issuer == "" || cfg.ClientID == "" || cfg.RedirectURL == "" {
		return nil, errors.New("signin: issuer, client ID and redirect URL are required")
	}
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = []string{"openid", "offline"}
	}
	if cfg.Audience == "" {
		cfg.Audience = "tradefin"
	}
	base := http.DefaultTransport
	if cfg.HTTPClient != nil && cfg.HTTPClient.Transport != nil {
		base = cfg.HTTPClient.Transport
	}
	api := &http.Client{Transport: base, Timeout: 30 * time.Second}
	ep, err := endpoint(ctx, api, cfg.Issuer)
	if err != nil {
		return nil, err
	}
	ep.AuthStyle = oauth2.AuthStyleInParams // a public client: client_id in the form, no secret
	oc := oauth2.Config{ClientID: cfg.ClientID, Endpoint: ep, RedirectURL: cfg.RedirectURL, Scopes: cfg.Scopes}

	verifier := oauth2.GenerateVerifier()
	state := randomString()
	authURL := oc.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("audience", cfg.Audience))

	b := newBrowser(base, cfg.RedirectURL)
	resp, err := b.get(ctx, authURL)
	if err != nil {
		return nil, err
	}
	if _, done := b.landed(); !done {
		// The login page: fill in its form as a person would and submit it.
		page, err := readPage(resp)
		if err != nil {
			return nil, err
		}
		f, err := parseForm(page, resp.Request.URL)
		if err != nil {
			if msg := alertText(page); msg != "" {
				err = fmt.Errorf("%w (the page says: %s)", err, msg)
			}
			return nil, fmt.Errorf("signin: login page at %s: %w", where(resp.Request.URL), err)
		}
		f.fields.Set("username", username)
		f.fields.Set("password", password)
		if resp, err = b.post(ctx, f.action, f.fields); err != nil {
			return nil, err
		}
	}
	landing, done := b.landed()
	if !done {
		page, err := readPage(resp)
		if err != nil {
			return nil, err
		}
		if msg := alertText(page); msg != "" {
			return nil, &RefusedError{Message: msg}
		}
		return nil, fmt.Errorf("signin: the flow stopped at %s (HTTP %d) instead of the redirect URI", where(resp.Request.URL), resp.StatusCode)
	}
	resp.Body.Close()
	q := landing.Query()
	if e := q.Get("error"); e != "" {
		return nil, &OAuthError{Code: e, Description: q.Get("error_description")}
	}
	if q.Get("state") != state {
		return nil, errors.New("signin: the redirect's state does not match the request's (RFC 6749 §10.12)")
	}
	code := q.Get("code")
	if code == "" {
		return nil, errors.New("signin: the redirect carries no code")
	}
	return oc.Exchange(context.WithValue(ctx, oauth2.HTTPClient, api), code, oauth2.VerifierOption(verifier))
}

// browser follows redirects with a cookie jar, and stops at the redirect URI.
type browser struct {
	c        *http.Client
	redirect string
	stopped  *url.URL
}

func newBrowser(rt http.RoundTripper, redirect string) *browser {
	jar, _ := cookiejar.New(nil)
	b := &browser{redirect: redirect}
	b.c = &http.Client{Transport: rt, Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if isUnder(req.URL, b.redirect) {
				b.stopped = req.URL
				return http.ErrUseLastResponse
			}
			if len(via) >= maxRedirects {
				return errors.New("signin: too many redirects")
			}
			return nil
		}}
	return b
}

func isUnder(u *url.URL, redirect string) bool {
	s := u.Scheme + "://" + u.Host + u.Path
	return s == redirect || strings.TrimSuffix(s, "/") == strings.TrimSuffix(redirect, "/")
}

// landed reports whether the last response was the redirect to the redirect URI, and where.
func (b *browser) landed() (*url.URL, bool) {
	if b.stopped != nil {
		return b.stopped, true
	}
	return nil, false
}

func (b *browser) get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return b.do(req)
}

func (b *browser) post(ctx context.Context, action *url.URL, form url.Values) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, action.String(), strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	// What a browser sends for a form posted from the sign-in page itself.
	req.Header.Set("Origin", action.Scheme+"://"+action.Host)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.do(req)
}

func (b *browser) do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Accept", "text/html")
	resp, err := b.c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("signin: %s %s: %w", req.Method, where(req.URL), err)
	}
	return resp, nil
}

func readPage(resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes))
	if err != nil {
		return nil, fmt.Errorf("signin: read %s: %w", where(resp.Request.URL), err)
	}
	return b, nil
}

func randomString() string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// where is a URL without its query: challenges and codes stay out of error messages.
func where(u *url.URL) string { return u.Scheme + "://" + u.Host + u.Path }

package bearer

import (
	"context"
	"errors"
	"fmt"
	"github.com/tradefin/tradefin/events/identity"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Config says which issuer's tokens a service accepts and how their claims name the actor.
type Config struct {
	// Issuer is the OIDC issuer URL exactly as its tokens' "iss" states it; its discovery document
	// (/.well-known/openid-configuration) names the JWKS the signatures are checked with.
	Issuer string
	// Audience must be among the token's "aud": a token minted for another API is refused.
	Audience string
	// Leeway is the clock skew tolerated on "exp" (and, by go-oidc, five minutes on "nbf").
	Leeway time.Duration
	// Claims maps the token's claims to the actor.
	Claims ClaimMapping
}

// DefaultAudience is the audience of tradefin's APIs.
const DefaultAudience = "tradefin"

// Validate reports every missing setting at once.
func (c Config) Validate() error {
	var errs []error
	if c.Issuer == "" {
		errs = append(errs, errors.New("identity: the OIDC issuer URL is required"))
	}
	if c.Audience == "" {
		errs = append(errs, errors.New("identity: the audience is required"))
	}
	if c.Leeway < 0 || c.Leeway > 5*time.Minute {
		errs = append(errs, fmt.Errorf("identity: leeway %s is outside 0..5m", c.Leeway))
	}
	return errors.Join(errs...)
}

// Verifier checks bearer access tokens: signature against the issuer's JWKS (found by discovery
// and refreshed when an unknown key ID appears), issuer, audience and expiry, then maps the claims
// to an Actor. Discovery happens on first use, so a service may start before its IdP.
type Verifier struct {
	cfg Config

	mu       sync.Mutex
	verifier *oidc.IDTokenVerifier
	verified verified
}

// NewVerifier returns a verifier for cfg.
func NewVerifier(cfg Config) (*Verifier, error) {
	if cfg.Claims == (ClaimMapping{}) {
		cfg.Claims = HydraClaims
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Verifier{cfg: cfg, verified: newVerified()}, nil
}

// ErrNoToken is a request without a bearer token.
var ErrNoToken = errors.New("no bearer token")

// TokenError is a token that is not accepted; Reason is safe to show the caller.
type TokenError struct{ Reason string }

func (e *TokenError) Error() string { return "invalid token: " + e.Reason }

// Verify checks a raw JWT and returns its actor.
func (v *Verifier) Verify(ctx context.Context, raw string) (identity.Actor, error) {
	if raw == "" {
		return identity.Actor{}, ErrNoToken
	}
	if len(raw) > maxTokenBytes {
		return identity.Actor{}, &TokenError{Reason: "token too long"}
	}
	if a, ok := v.verified.get(raw, time.Now()); ok {
		return a, nil
	}
	ver, err := v.oidc(ctx)
	if err != nil {
		return identity.Actor{}, err
	}
	tok, err := ver.Verify(ctx, raw)
	if err != nil {
		var expired *oidc.TokenExpiredError
		if errors.As(err, &expired) {
			return identity.Actor{}, &TokenError{Reason: "token expired"}
		}
		return identity.Actor{}, &TokenError{Reason: strings.TrimPrefix(err.Error(), "oidc: ")}
	}
	var claims map[string]any
	if err := tok.Claims(&claims); err != nil {
		return identity.Actor{}, &TokenError{Reason: "claims are not a JSON object"}
	}
	a, err := v.cfg.Claims.Actor(claims)
	if err == nil && !tok.Expiry.IsZero() {
		v.verified.put(raw, a, tok.Expiry.Add(v.cfg.Leeway))
	}
	return a, err
}

// maxTokenBytes bounds what is parsed before the signature is checked.
const maxTokenBytes = 16 << 10

// oidc discovers the issuer once; a failed discovery is retried on the next request.
func (v *Verifier) oidc(ctx context.Context) (*oidc.IDTokenVerifier, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.verifier != nil {
		return v.verifier, nil
	}
	dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	// The key set outlives this request: it refreshes keys with its own background context.
	p, err := oidc.NewProvider(oidc.ClientContext(context.WithoutCancel(dctx), nil), v.cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("identity: discovery of %s: %w", v.cfg.Issuer, err)
	}
	leeway := v.cfg.Leeway
	v.verifier = p.Verifier(&oidc.Config{
		ClientID: v.cfg.Audience,
		// Skew: a token is accepted until exp + leeway, so a clock a little behind the IdP's
		// does not refuse fresh tokens.
		Now: func() time.Time { return time.Now().Add(-leeway) },
	})
	return v.verifier, nil
}

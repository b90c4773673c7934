package platform

import (
	"fmt"
	"net/http"
	"time"

	"github.com/tradefin/tradefin/events/identity/bearer"
)

// Verifier is the process's check of bearer access tokens, from TRADEFIN_OIDC_*. A process that
// serves an API refuses to start without an issuer: an API nobody authenticates is not served.
func (c Common) Verifier() (*bearer.Verifier, error) {
	if c.OIDCIssuer == "" {
		return nil, fmt.Errorf("TRADEFIN_OIDC_ISSUER is required: the API accepts only access tokens of an OIDC issuer")
	}
	leeway, err := time.ParseDuration(c.OIDCLeeway)
	if err != nil {
		return nil, fmt.Errorf("TRADEFIN_OIDC_LEEWAY=%q: %w", c.OIDCLeeway, err)
	}
	return bearer.NewVerifier(bearer.Config{Issuer: c.OIDCIssuer, Audience: c.OIDCAudience, Leeway: leeway})
}

// Authenticated puts api behind the bearer check; its OpenAPI description stays public. With no
// verifier (a test that injects actors itself) api is returned as it is: its handlers still
// refuse a request that carries no actor (identity.Caller).
func Authenticated(v *bearer.Verifier, api http.Handler) http.Handler {
	if v == nil {
		return api
	}
	return bearer.Middleware(v, api, "/openapi.yaml")
}

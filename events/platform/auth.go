package platform

import (
	"fmt"
	"net/http"
	"time"

	"github.com/tradefin/tradefin/events/platform/bearer"
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
	return bearer.NewVerifier(bearer.Config{Issuer: c.OIDCIssuer, Audience: c.OIDCAudience, Leeway: leeway, Claims: claimMapping()})
}

// claimMapping is where another provider's tokens carry the actor (dotted claim paths): for
// Keycloak, say, TRADEFIN_OIDC_CLAIM_ORG=org TRADEFIN_OIDC_CLAIM_ORG_KIND=org_kind
// TRADEFIN_OIDC_CLAIM_ROLES=roles TRADEFIN_OIDC_CLAIM_CLIENT=azp. Unset: tradefin's sign-in app
// on Hydra (bearer.HydraClaims).
func claimMapping() bearer.ClaimMapping {
	d := bearer.HydraClaims
	return bearer.ClaimMapping{
		Org:     Env("TRADEFIN_OIDC_CLAIM_ORG", d.Org),
		OrgKind: Env("TRADEFIN_OIDC_CLAIM_ORG_KIND", d.OrgKind),
		Roles:   Env("TRADEFIN_OIDC_CLAIM_ROLES", d.Roles),
		Client:  Env("TRADEFIN_OIDC_CLAIM_CLIENT", d.Client),
	}
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

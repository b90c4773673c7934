package bearer

import (
	"fmt"
	"github.com/tradefin/tradefin/events/identity"
	"strings"
)

// ClaimMapping names, as dotted paths into the token's claims, where the actor's organisation,
// its kind, its roles and the client stand. The subject is always "sub".
//
// Hydra with tradefin's sign-in app puts them under "ext" (HydraClaims). For another provider set
// the paths to its claims: Keycloak, for example, maps user attributes to top-level claims by a
// protocol mapper ("org", "org_kind", "roles") and names the client in "azp"; Entra ID carries app
// roles in "roles" and the client in "azp".
type ClaimMapping struct {
	Org, OrgKind, Roles, Client string
}

// HydraClaims is where tradefin's sign-in app puts the actor in tokens Hydra issues.
var HydraClaims = ClaimMapping{Org: "ext.org", OrgKind: "ext.org_kind", Roles: "ext.roles", Client: "client_id"}

// Bounds on what a token may carry: every list and string has one.
const (
	maxRoles       = 16
	maxClaimLength = 128
)

// Actor maps verified claims to the actor, refusing a token that does not say who it is.
func (m ClaimMapping) Actor(claims map[string]any) (identity.Actor, error) {
	str := func(path string) (string, error) {
		v, _ := lookup(claims, path).(string)
		if v == "" {
			return "", &TokenError{Reason: fmt.Sprintf("claim %q is missing", path)}
		}
		if len(v) > maxClaimLength {
			return "", &TokenError{Reason: fmt.Sprintf("claim %q is too long", path)}
		}
		return v, nil
	}
	var a identity.Actor
	var err error
	if a.Subject, err = str("sub"); err != nil {
		return identity.Actor{}, err
	}
	if a.Org, err = str(m.Org); err != nil {
		return identity.Actor{}, err
	}
	kind, err := str(m.OrgKind)
	if err != nil {
		return identity.Actor{}, err
	}
	a.OrgKind = identity.OrgKind(kind)
	switch a.OrgKind {
	case identity.Bank, identity.Trader, identity.Customs, identity.Carrier, identity.Auditor:
	default: // Platform is never a token's: only tradefin's own processes act as it
		return identity.Actor{}, &TokenError{Reason: fmt.Sprintf("organisation kind %q is unknown", kind)}
	}
	if a.Client, err = str(m.Client); err != nil {
		return identity.Actor{}, err
	}
	roles, _ := lookup(claims, m.Roles).([]any)
	if len(roles) > maxRoles {
		return identity.Actor{}, &TokenError{Reason: "too many roles"}
	}
	for _, r := range roles {
		s, ok := r.(string)
		if !ok || s == "" || len(s) > maxClaimLength {
			return identity.Actor{}, &TokenError{Reason: fmt.Sprintf("claim %q holds a bad role", m.Roles)}
		}
		a.Roles = append(a.Roles, s)
	}
	return a, nil
}

func lookup(claims map[string]any, path string) any {
	var v any = claims
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

package bearer

import (
	"errors"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

func TestClaimsMapToTheActor(t *testing.T) {
	hydra := map[string]any{"sub": "erik", "client_id": "tradectl",
		"ext": map[string]any{"org": "ESSESESS", "org_kind": "bank", "roles": []any{"trade-officer"}}}
	a, err := HydraClaims.Actor(hydra)
	if err != nil || a.Org != "ESSESESS" || a.OrgKind != identity.Bank || a.Subject != "erik" || a.Client != "tradectl" || !a.Has(identity.RoleTradeOfficer) {
		t.Fatalf("hydra claims: %+v %v", a, err)
	}
	keycloak := ClaimMapping{Org: "org", OrgKind: "org_kind", Roles: "roles", Client: "azp"}
	a, err = keycloak.Actor(map[string]any{"sub": "u-1", "azp": "portal", "org": "BCOMPTPL", "org_kind": "bank", "roles": []any{"approver"}})
	if err != nil || a.Org != "BCOMPTPL" || a.Client != "portal" || !a.Has(identity.RoleApprover) {
		t.Fatalf("top-level claims: %+v %v", a, err)
	}
	with := func(change func(m map[string]any)) map[string]any {
		m := map[string]any{"sub": "erik", "client_id": "tradectl",
			"ext": map[string]any{"org": "ESSESESS", "org_kind": "bank", "roles": []any{"trade-officer"}}}
		change(m)
		return m
	}
	ext := func(m map[string]any) map[string]any { return m["ext"].(map[string]any) }
	many := make([]any, 17)
	for i := range many {
		many[i] = "r"
	}
	for name, claims := range map[string]map[string]any{
		"no subject":          with(func(m map[string]any) { delete(m, "sub") }),
		"no organisation":     with(func(m map[string]any) { delete(ext(m), "org") }),
		"platform kind":       with(func(m map[string]any) { ext(m)["org_kind"] = "platform" }),
		"unknown kind":        with(func(m map[string]any) { ext(m)["org_kind"] = "wizard" }),
		"no client":           with(func(m map[string]any) { delete(m, "client_id") }),
		"too many roles":      with(func(m map[string]any) { ext(m)["roles"] = many }),
		"a role not a string": with(func(m map[string]any) { ext(m)["roles"] = []any{42} }),
		"organisation too long": with(func(m map[string]any) {
			ext(m)["org"] = strings.Repeat("A", 129)
		}),
	} {
		var te *TokenError
		if _, err := HydraClaims.Actor(claims); !errors.As(err, &te) {
			t.Errorf("%s: %v, want a TokenError", name, err)
		}
	}
}

package httpapi_test

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
)

// The dev directory's parties, as the bearer middleware would put them in a request's context.
// These HTTP tests are about the API's rules; real tokens from the real IdP are tested in
// deploy/e2e (the authorisation matrix).
var actors = map[string]identity.Actor{
	"importer":        {Org: "5493001NORDICIMP0058", OrgKind: identity.Trader, Subject: "ingrid", Client: "test", Roles: []string{identity.RoleTrader}},
	"exporter":        {Org: "5493002AZULEJOSLX028", OrgKind: identity.Trader, Subject: "joao", Client: "test", Roles: []string{identity.RoleTrader}},
	"outsider":        {Org: "5493003OTHERTRAD0029", OrgKind: identity.Trader, Subject: "olga", Client: "test", Roles: []string{identity.RoleTrader}},
	"issuing-bank":    {Org: "ESSESESS", OrgKind: identity.Bank, Subject: "erik", Client: "test", Roles: []string{identity.RoleTradeOfficer}},
	"issuer-approver": {Org: "ESSESESS", OrgKind: identity.Bank, Subject: "sara", Client: "test", Roles: []string{identity.RoleTradeOfficer, identity.RoleApprover}},
	"advising-bank":   {Org: "BCOMPTPL", OrgKind: identity.Bank, Subject: "ana", Client: "test", Roles: []string{identity.RoleTradeOfficer}},
	"other-bank":      {Org: "OTHRGB2L", OrgKind: identity.Bank, Subject: "oscar", Client: "test", Roles: []string{identity.RoleTradeOfficer, identity.RoleApprover}},
	"auditor":         {Org: "TRADEREG", OrgKind: identity.Auditor, Subject: "audra", Client: "test", Roles: []string{identity.RoleAuditor}},
}

// testActor names, in a test's request, which of actors is calling ("" or unknown: nobody).
const testActor = "Test-Actor"

// asActor stands in for the bearer middleware: it puts the named actor in the request's context.
func asActor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a, ok := actors[r.Header.Get(testActor)]; ok {
			r = r.WithContext(identity.WithActor(r.Context(), a))
		}
		h.ServeHTTP(w, r)
	})
}

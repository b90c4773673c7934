package httpapi_test

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
)

// The dev directory's parties, as the bearer middleware would put them in a request's context
// (HLCU, a second carrier, is not in the directory: it has one). These HTTP tests are about the
// API's rules; real tokens from the real IdP are tested end to end.
var actors = map[string]identity.Actor{
	"importer":       {Org: "5493001NORDICIMP0058", OrgKind: identity.Trader, Subject: "ingrid", Client: "test", Roles: []string{identity.RoleTrader}},
	"exporter":       {Org: "5493002AZULEJOSLX028", OrgKind: identity.Trader, Subject: "joao", Client: "test", Roles: []string{identity.RoleTrader}},
	"outsider":       {Org: "5493003OTHERTRAD0029", OrgKind: identity.Trader, Subject: "olga", Client: "test", Roles: []string{identity.RoleTrader}},
	"export-customs": {Org: "PT000100", OrgKind: identity.Customs, Subject: "marta", Client: "test", Roles: []string{identity.RoleCustomsOfficer}},
	"import-customs": {Org: "SE000100", OrgKind: identity.Customs, Subject: "lars", Client: "test", Roles: []string{identity.RoleCustomsOfficer}},
	"carrier":        {Org: "MAEU", OrgKind: identity.Carrier, Subject: "mads", Client: "test", Roles: []string{identity.RoleCarrierAgent}},
	"other-carrier":  {Org: "HLCU", OrgKind: identity.Carrier, Subject: "hans", Client: "test", Roles: []string{identity.RoleCarrierAgent}},
	"auditor":        {Org: "TRADEREG", OrgKind: identity.Auditor, Subject: "audra", Client: "test", Roles: []string{identity.RoleAuditor}},
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

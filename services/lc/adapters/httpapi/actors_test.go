package httpapi_test

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
)

// The callers of these tests, by their part in the credit (the dev directory's users).
var actors = map[string]identity.Actor{
	"importer":        identitytest.Ingrid,
	"exporter":        identitytest.Joao,
	"outsider":        identitytest.Olga,
	"issuing-bank":    identitytest.Erik,
	"issuer-approver": identitytest.Sara,
	"advising-bank":   identitytest.Ana,
	"other-bank":      identitytest.Oscar,
	"auditor":         identitytest.Audra,
	// the second beneficiary of a transferred credit (dev directory: beatriz of Ceramicas do Norte)
	"second-beneficiary": {Org: "5493004CERAMNORTE081", OrgKind: identity.Trader, Subject: "beatriz", Roles: []string{identity.RoleTrader}},
}

const testActor = identitytest.Header

// asActor stands in for the bearer middleware.
func asActor(h http.Handler) http.Handler { return identitytest.Middleware(actors, h) }

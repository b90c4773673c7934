// Package identitytest holds the dev directory's users (services/signin/directory/dev.yaml) as
// the actors the bearer middleware would make of their tokens, and a stand-in for that middleware,
// for tests of the services' rules that need no identity provider. Real tokens from the real IdP
// are tested end to end (deploy/e2e).
package identitytest

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
)

func user(org string, kind identity.OrgKind, name string, roles ...string) identity.Actor {
	return identity.Actor{Org: org, OrgKind: kind, Subject: name, Client: "test", Roles: roles}
}

// The dev directory's users, by username.
var (
	Ingrid = user("5493001NORDICIMP0058", identity.Trader, "ingrid", identity.RoleTrader) // importer, applicant
	Joao   = user("5493002AZULEJOSLX028", identity.Trader, "joao", identity.RoleTrader)   // exporter, beneficiary
	Olga   = user("5493003OTHERTRAD0029", identity.Trader, "olga", identity.RoleTrader)   // party to nothing
	Erik   = user("ESSESESS", identity.Bank, "erik", identity.RoleTradeOfficer)           // issuing bank
	Sara   = user("ESSESESS", identity.Bank, "sara", identity.RoleTradeOfficer, identity.RoleApprover)
	Per    = user("ESSESESS", identity.Bank, "per", identity.RolePaymentsOfficer)
	Ana    = user("BCOMPTPL", identity.Bank, "ana", identity.RoleTradeOfficer) // advising bank
	Rui    = user("BCOMPTPL", identity.Bank, "rui", identity.RoleTradeOfficer, identity.RoleApprover)
	Oscar  = user("OTHRGB2L", identity.Bank, "oscar", identity.RoleTradeOfficer, identity.RoleApprover, identity.RolePaymentsOfficer) // party to nothing
	Nils   = user("NCLRSESS", identity.Bank, "nils", identity.RolePaymentsOfficer)                                                    // settlement bank
	Marta  = user("PT000100", identity.Customs, "marta", identity.RoleCustomsOfficer)                                                 // export customs
	Lars   = user("SE000100", identity.Customs, "lars", identity.RoleCustomsOfficer)                                                  // import customs
	Dieter = user("DE004601", identity.Customs, "dieter", identity.RoleCustomsOfficer)                                                // party to nothing
	Mads   = user("MAEU", identity.Carrier, "mads", identity.RoleCarrierAgent)                                                        // carrier
	Hanna  = user("HLCU", identity.Carrier, "hanna", identity.RoleCarrierAgent)                                                       // party to nothing
	Audra  = user("TRADEREG", identity.Auditor, "audra", identity.RoleAuditor)                                                        // auditor
)

// Header names, in a test's request, which actor of Middleware's map is calling.
const Header = "Test-Actor"

// Middleware stands in for the bearer middleware: it puts the actor that Header names in
// byName into the request's context; a request naming none carries no actor.
func Middleware(byName map[string]identity.Actor, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a, ok := byName[r.Header.Get(Header)]; ok {
			r = r.WithContext(identity.WithActor(r.Context(), a))
		}
		h.ServeHTTP(w, r)
	})
}

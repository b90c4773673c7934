package identity

import (
	"context"
	"slices"

	"github.com/tradefin/tradefin/events/problem"
)

// OrgKind is what an organisation of the network is.
type OrgKind string

const (
	Bank     OrgKind = "bank"     // identified by its BIC (ISO 9362)
	Trader   OrgKind = "trader"   // an importer or exporter, by its LEI (ISO 17442)
	Customs  OrgKind = "customs"  // a customs office, by its office code
	Carrier  OrgKind = "carrier"  // by its SCAC / DCSA carrier code
	Auditor  OrgKind = "auditor"  // a regulator or auditor: reads every trade, changes nothing
	Platform OrgKind = "platform" // tradefin's own processes (the trade workflow), never a person
)

// Roles a user or client holds inside its organisation. What it may do to a resource follows
// from the role and from the organisation's place among the resource's parties (issuing bank,
// beneficiary, customs office on the declaration...), decided by each service.
const (
	RoleTradeOfficer    = "trade-officer"    // bank: issues, advises, amends, examines, honours
	RoleApprover        = "approver"         // bank: the checker of a four-eyes action
	RolePaymentsOfficer = "payments-officer" // bank: payment instructions and status reports
	RoleTrader          = "trader"           // importer or exporter: applies, accepts, presents, declares
	RoleCustomsOfficer  = "customs-officer"  // customs: inspects, clears, assesses, releases
	RoleCarrierAgent    = "carrier-agent"    // carrier: bills of lading and transport events
	RoleAuditor         = "auditor"          // reads every trade
)

// Actor is an authenticated caller.
type Actor struct {
	Org     string   `json:"org"`     // the organisation's identifier (BIC, LEI, office code, SCAC)
	OrgKind OrgKind  `json:"orgKind"` // what the organisation is
	Subject string   `json:"subject"` // the user (token "sub"); for a machine its client ID
	Client  string   `json:"client"`  // the OAuth client that obtained the token
	Roles   []string `json:"roles,omitempty"`
}

// Has reports whether the actor holds role.
func (a Actor) Has(role string) bool { return slices.Contains(a.Roles, role) }

// Is reports whether the actor belongs to the organisation org of kind k.
func (a Actor) Is(k OrgKind, org string) bool { return a.OrgKind == k && org != "" && a.Org == org }

// Acts reports whether the actor belongs to org (of kind k) and holds role there.
func (a Actor) Acts(k OrgKind, org, role string) bool { return a.Is(k, org) && a.Has(role) }

// IsAuditor reports whether the actor reads as the network's auditor.
func (a Actor) IsAuditor() bool { return a.OrgKind == Auditor && a.Has(RoleAuditor) }

// Stamp is the actor as events record it: who acted, by which client.
type Stamp struct {
	Org    string `json:"org"`
	User   string `json:"user"`
	Client string `json:"client"`
}

// Stamp returns what an event records of the actor.
func (a Actor) Stamp() Stamp { return Stamp{Org: a.Org, User: a.Subject, Client: a.Client} }

// Workflow is the actor of steps that are nobody's to take by hand (instructing a payment after
// an honour, closing a trade): tradefin's trade workflow.
var Workflow = Actor{Org: "tradefin", OrgKind: Platform, Subject: "trade-workflow", Client: "tradefin-worker"}

type ctxKey struct{}

// WithActor returns ctx carrying a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, ctxKey{}, a)
}

// FromContext returns the actor ctx carries; ok is false when nobody was authenticated.
func FromContext(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(ctxKey{}).(Actor)
	return a, ok
}

// Caller returns the request's actor, or a 401 problem when nobody was authenticated (a handler
// mounted without Middleware fails closed).
func Caller(ctx context.Context) (Actor, error) {
	if a, ok := FromContext(ctx); ok {
		return a, nil
	}
	return Actor{}, problem.New(problem.Unauthorized, "Unauthorized", "this API needs a bearer access token")
}

// Refuse is the 403 of an authorisation rule: the caller is authenticated, the rule says no.
func Refuse(rule string) error { return problem.New(problem.Forbidden, "Forbidden", rule) }

package domain

import (
	"errors"
	"slices"

	"github.com/tradefin/tradefin/events/identity"
)

// Action is what an actor asks to do to a customs resource.
type Action string

const (
	ActRead                 Action = "read"                   // any GET: need to know
	ActRegisterDocument     Action = "register document"      // a document's fingerprint
	ActRelyOnDocument       Action = "rely on document"       // name a document in a declaration or a B/L
	ActLodgeDeclaration     Action = "lodge declaration"      // export or import
	ActInspectDeclaration   Action = "inspect declaration"    // documentary or physical check
	ActClearExport          Action = "clear export"           // export goods may leave
	ActAssessDuty           Action = "assess duty"            // import duty from the tariff
	ActReleaseGoods         Action = "release goods"          // import goods free to circulate
	ActPayDuty              Action = "pay duty"               // the declarant pays the assessed duty
	ActGuaranteeDuty        Action = "guarantee duty"         // the declarant secures it
	ActIssueBillOfLading    Action = "issue bill of lading"   // opens the shipment
	ActReportTransportEvent Action = "report transport event" // DCSA track and trace
)

// Parties are the organisations a resource names, and those that see it through related
// resources. A field a resource does not have stays empty.
type Parties struct {
	// A declaration's: its direction, its declarant (a trader) and the customs office it is
	// lodged with.
	Direction     Direction
	Declarant     string
	CustomsOffice string
	// A shipment's: the carrier that issued the bill of lading and the traders it names.
	Carrier, Shipper, Consignee string
	// A document's: the organisation that registered it.
	Registrant Party
	// Organisations that see the resource through another: for a shipment the customs offices
	// of its trade's declarations; for a document the parties of the declarations and shipments
	// that rely on it.
	Related []Party
	// The shippers and consignees the trade's bills of lading name: the holders of the trade's
	// shipping documents.
	TradeShippers, TradeConsignees []string
	// A creation's: the trade it is created on as customs knows it from its credit (nil: not
	// known), and for a document its kind.
	Trade *TradeOpened
	Kind  DocumentKind
}

// ErrNotVisible: the resource (or the trade a creation is on) is not the caller's to see. The
// application answers a command or a read with it exactly as it answers one on a resource that
// does not exist (404), so that an identifier cannot be probed by an organisation that is party
// to nothing.
var ErrNotVisible = errors.New("no such resource")

// Authorize decides whether actor may take action on a resource with parties p. It is the
// customs service's one authorisation decision:
//   - a creation (registering a document, lodging a declaration, issuing a bill of lading) is
//     judged on the resource as requested: first the rules that depend on the caller and its
//     request alone (a 403 naming the rule); then its trade: one customs does not know, or does
//     not admit the caller to (Admits), is ErrNotVisible, the 404 of a missing trade, so that
//     nobody learns a trade it is no party to exists; then the caller's role in the trade (a 403
//     naming the rule);
//   - any other action is on a stored resource: a caller who may not see it gets ErrNotVisible
//     (the application's 404, as for a missing resource); one who may see it but lacks the right
//     gets a 403 naming the rule.
func Authorize(a identity.Actor, action Action, p Parties) error {
	trader := a.OrgKind == identity.Trader && a.Has(identity.RoleTrader)
	switch action {
	case ActRegisterDocument:
		return registering(a, trader, p)
	case ActLodgeDeclaration:
		return lodging(a, trader, p)
	case ActIssueBillOfLading:
		return issuing(a, p)
	case ActRelyOnDocument:
		// The trade's shipper and consignee hold its shipping documents (the consignee takes
		// delivery against them), so they may rely on them as well as whoever sees them.
		if visible(a, p) || (a.OrgKind == identity.Trader && (slices.Contains(p.TradeShippers, a.Org) || slices.Contains(p.TradeConsignees, a.Org))) {
			return nil
		}
		return ErrNotVisible
	}
	if !visible(a, p) {
		return ErrNotVisible
	}
	switch action {
	case ActRead:
		return nil
	case ActInspectDeclaration, ActClearExport, ActAssessDuty, ActReleaseGoods:
		if a.Acts(identity.Customs, p.CustomsOffice, identity.RoleCustomsOfficer) {
			return nil
		}
		return refuse("only officers (customs-officer) of the customs office named on the declaration may " + string(action))
	case ActPayDuty, ActGuaranteeDuty:
		if a.Acts(identity.Trader, p.Declarant, identity.RoleTrader) {
			return nil
		}
		return refuse("a trader (role trader) pays or guarantees duty only on a declaration it lodged as declarant")
	case ActReportTransportEvent:
		if a.Acts(identity.Carrier, p.Carrier, identity.RoleCarrierAgent) {
			return nil
		}
		return refuse(ruleCarrier)
	}
	return refuse("no rule allows " + string(action))
}

const ruleCarrier = "only the carrier of a bill of lading (role carrier-agent) issues it and reports its transport events"

// registering: a trade's documents are registered by its exporter, and its bill of lading by a
// carrier (the transport document it issues, UCP 600 Art. 20).
func registering(a identity.Actor, trader bool, p Parties) error {
	carrier := a.OrgKind == identity.Carrier && a.Has(identity.RoleCarrierAgent)
	switch {
	case !trader && !carrier:
		return refuse("documents are registered by traders (role trader) and carriers (role carrier-agent)")
	case carrier && p.Kind != BillOfLading:
		return refuse("a carrier registers the transport document it issues: a bill_of_lading")
	case !p.Trade.Admits(a):
		return ErrNotVisible
	case trader && a.Org != p.Trade.Beneficiary:
		return refuse("a trade's documents are registered by its exporter, the credit's beneficiary (and its bill of lading by the carrier)")
	}
	return nil
}

// lodging: a trader lodges only as the declarant, the exporter (the credit's beneficiary) the
// export and the importer (its applicant) the import.
func lodging(a identity.Actor, trader bool, p Parties) error {
	switch {
	case !trader:
		return refuse("declarations are lodged by traders (role trader)")
	case p.Declarant != a.Org:
		return refuse("a trader lodges a declaration only as its declarant: the declarant is the caller's organisation")
	case !p.Trade.Admits(a):
		return ErrNotVisible
	case p.Direction == Export && a.Org != p.Trade.Beneficiary:
		return refuse("the export is declared by the exporter: the beneficiary of the trade's credit")
	case p.Direction == Import && a.Org != p.Trade.Applicant:
		return refuse("the import is declared by the importer: the applicant of the trade's credit")
	}
	return nil
}

// issuing: a carrier issues its own bill of lading on a trade customs knows, naming (when it
// names them) the trade's exporter as shipper and its importer as consignee.
func issuing(a identity.Actor, p Parties) error {
	switch {
	case !a.Acts(identity.Carrier, p.Carrier, identity.RoleCarrierAgent):
		return refuse(ruleCarrier)
	case !p.Trade.Admits(a):
		return ErrNotVisible
	case p.Shipper != "" && p.Shipper != p.Trade.Beneficiary:
		return refuse("a bill of lading of the trade names its exporter, the credit's beneficiary, as shipper")
	case p.Consignee != "" && p.Consignee != p.Trade.Applicant:
		return refuse("a bill of lading of the trade consigns the goods to its importer, the credit's applicant")
	}
	return nil
}

// visible: the auditor reads everything; anyone else reads what its organisation is named on
// or related to.
func visible(a identity.Actor, p Parties) bool {
	if a.IsAuditor() {
		return true
	}
	named := []Party{{identity.Trader, p.Declarant}, {identity.Customs, p.CustomsOffice}, {identity.Carrier, p.Carrier},
		{identity.Trader, p.Shipper}, {identity.Trader, p.Consignee}, p.Registrant}
	for _, x := range append(named, p.Related...) {
		if a.Is(x.Kind, x.Org) {
			return true
		}
	}
	return false
}

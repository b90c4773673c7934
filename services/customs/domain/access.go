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
	// The shippers and consignees the trade's bills of lading name: the exporter and importer of
	// record as far as customs knows, and the holders of the trade's shipping documents.
	TradeShippers, TradeConsignees []string
}

// ErrNotVisible: the resource is not the caller's to see. The application answers a command or a
// read with it exactly as it answers one on a resource that does not exist (404), so that an
// identifier cannot be probed by an organisation that is party to nothing.
var ErrNotVisible = errors.New("no such resource")

// Authorize decides whether actor may take action on a resource with parties p. It is the
// customs service's one authorisation decision:
//   - a creation (registering a document, lodging a declaration, issuing a bill of lading) is
//     judged on the resource as requested: nil, or a 403 naming the rule;
//   - any other action is on a stored resource: a caller who may not see it gets ErrNotVisible
//     (the application's 404, as for a missing resource); one who may see it but lacks the right
//     gets a 403 naming the rule.
func Authorize(a identity.Actor, action Action, p Parties) error {
	trader := a.OrgKind == identity.Trader && a.Has(identity.RoleTrader)
	switch action {
	case ActRegisterDocument:
		if trader || (a.OrgKind == identity.Carrier && a.Has(identity.RoleCarrierAgent)) {
			return nil
		}
		return identity.Refuse("documents are registered by traders (role trader) and carriers (role carrier-agent)")
	case ActLodgeDeclaration:
		return lodging(a, trader, p)
	case ActIssueBillOfLading:
		if a.Acts(identity.Carrier, p.Carrier, identity.RoleCarrierAgent) {
			return nil
		}
		return identity.Refuse(ruleCarrier)
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
		return identity.Refuse("only officers (customs-officer) of the customs office named on the declaration may " + string(action))
	case ActPayDuty, ActGuaranteeDuty:
		if a.Acts(identity.Trader, p.Declarant, identity.RoleTrader) {
			return nil
		}
		return identity.Refuse("a trader (role trader) pays or guarantees duty only on a declaration it lodged as declarant")
	case ActReportTransportEvent:
		if a.Acts(identity.Carrier, p.Carrier, identity.RoleCarrierAgent) {
			return nil
		}
		return identity.Refuse(ruleCarrier)
	}
	return identity.Refuse("no rule allows " + string(action))
}

const ruleCarrier = "only the carrier of a bill of lading (role carrier-agent) issues it and reports its transport events"

// lodging: a trader lodges only as the declarant, the exporter the export and the importer the
// import; once a bill of lading of the trade names its shipper or consignee, only that trader.
func lodging(a identity.Actor, trader bool, p Parties) error {
	switch {
	case !trader:
		return identity.Refuse("declarations are lodged by traders (role trader)")
	case p.Declarant != a.Org:
		return identity.Refuse("a trader lodges a declaration only as its declarant: the declarant is the caller's organisation")
	case p.Direction == Export && len(p.TradeShippers) > 0 && !slices.Contains(p.TradeShippers, a.Org):
		return identity.Refuse("the export is declared by the exporter: the shipper the trade's bill of lading names")
	case p.Direction == Import && len(p.TradeConsignees) > 0 && !slices.Contains(p.TradeConsignees, a.Org):
		return identity.Refuse("the import is declared by the importer: the consignee the trade's bill of lading names")
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

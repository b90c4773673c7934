package domain

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

// The dev directory's parties.
const (
	nordic   = "5493001NORDICIMP0058"
	azulejos = "5493002AZULEJOSLX028"
	outsider = "5493003OTHERTRAD0029"
)

func user(org string, kind identity.OrgKind, name string, roles ...string) identity.Actor {
	return identity.Actor{Org: org, OrgKind: kind, Subject: name, Client: "portal", Roles: roles}
}

var (
	ingrid    = user(nordic, identity.Trader, "ingrid", identity.RoleTrader)
	joao      = user(azulejos, identity.Trader, "joao", identity.RoleTrader)
	olga      = user(outsider, identity.Trader, "olga", identity.RoleTrader)
	marta     = user("PT000100", identity.Customs, "marta", identity.RoleCustomsOfficer)
	lars      = user("SE000100", identity.Customs, "lars", identity.RoleCustomsOfficer)
	mads      = user("MAEU", identity.Carrier, "mads", identity.RoleCarrierAgent)
	maerskEDI = identity.Actor{Org: "MAEU", OrgKind: identity.Carrier, Subject: "maersk-edi", Client: "maersk-edi", Roles: []string{identity.RoleCarrierAgent}}
	hapag     = user("HLCU", identity.Carrier, "hanna", identity.RoleCarrierAgent)
	audra     = user("TRADEREG", identity.Auditor, "audra", identity.RoleAuditor)
	erik      = user("ESSESESS", identity.Bank, "erik", identity.RoleTradeOfficer)
	// Members of a party without the role the action needs, and a trader calling itself auditor.
	ptClerk   = user("PT000100", identity.Customs, "clerk")
	azulClerk = user(azulejos, identity.Trader, "intern")
	fakeAudit = user(outsider, identity.Trader, "olga", identity.RoleAuditor, identity.RoleTrader)
)

// trade is the demo trade as its credit application opened it: Nordic imports from Azulejos.
var trade = &TradeOpened{TradeID: "T-1", LCID: "LC-1", Applicant: nordic, Beneficiary: azulejos, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL"}

func TestAuthorize(t *testing.T) {
	export := Parties{Direction: Export, Declarant: azulejos, CustomsOffice: "PT000100", Trade: trade}
	imp := Parties{Direction: Import, Declarant: nordic, CustomsOffice: "SE000100", Trade: trade}
	lodgeAs := func(p Parties, declarant string) Parties { p.Declarant = declarant; return p }
	unknown := func(p Parties) Parties { p.Trade = nil; return p }
	shipment := Parties{Carrier: "MAEU", Shipper: azulejos, Consignee: nordic, Trade: trade,
		Related: []Party{{identity.Customs, "PT000100"}, {identity.Customs, "SE000100"}}}
	naming := func(shipper, consignee string) Parties {
		p := shipment
		p.Shipper, p.Consignee = shipper, consignee
		return p
	}
	bare := Parties{Carrier: "MAEU"}
	invoice := Parties{Registrant: Party{identity.Trader, azulejos}, Related: []Party{{identity.Customs, "PT000100"}}}
	consigned := invoice
	consigned.TradeShippers, consigned.TradeConsignees = []string{azulejos}, []string{nordic}

	// Each cell's answer: allowed; refused (a 403 naming the rule: a creation, or a caller who
	// may see the resource but lacks the right); or hidden (ErrNotVisible, answered 404 as a
	// missing resource: a caller who may not see it).
	type answer int
	const (
		allowed answer = iota
		refused
		hidden
	)
	type cell struct {
		who  identity.Actor
		want answer
	}
	ok := func(a identity.Actor) cell { return cell{a, allowed} }
	no := func(a identity.Actor) cell { return cell{a, refused} }
	unseen := func(a identity.Actor) cell { return cell{a, hidden} }
	for _, c := range []struct {
		name   string
		action Action
		on     Parties
		cells  []cell
	}{
		{"read the export declaration", ActRead, export, []cell{ok(joao), ok(marta), ok(audra), ok(azulClerk),
			unseen(ingrid), unseen(olga), unseen(lars), unseen(mads), unseen(erik), unseen(fakeAudit)}},
		{"read the import declaration", ActRead, imp, []cell{ok(ingrid), ok(lars), ok(audra), unseen(joao), unseen(marta)}},
		{"read the shipment", ActRead, shipment, []cell{ok(mads), ok(joao), ok(ingrid), ok(marta), ok(lars), ok(audra),
			unseen(hapag), unseen(olga), unseen(erik)}},
		{"read a shipment naming no trader", ActRead, bare, []cell{ok(mads), ok(audra), unseen(joao), unseen(marta)}},
		{"read the invoice", ActRead, invoice, []cell{ok(joao), ok(marta), ok(audra), unseen(ingrid), unseen(olga), unseen(mads)}},
		{"the trade's consignee does not read a document by holding it", ActRead, consigned, []cell{unseen(ingrid), ok(joao)}},
		{"register the exporter's invoice", ActRegisterDocument, Parties{Kind: CommercialInvoice, Trade: trade}, []cell{ok(joao),
			no(ingrid), unseen(olga), no(mads), no(azulClerk), no(marta), no(audra), no(erik)}},
		{"register the bill of lading", ActRegisterDocument, Parties{Kind: BillOfLading, Trade: trade}, []cell{ok(mads), ok(maerskEDI), ok(hapag),
			ok(joao), no(ingrid), unseen(olga)}},
		{"register a document on a trade customs does not know", ActRegisterDocument, Parties{Kind: CommercialInvoice}, []cell{unseen(joao),
			unseen(olga), no(mads), no(erik)}},
		{"rely on the invoice", ActRelyOnDocument, invoice, []cell{ok(joao), ok(marta), unseen(ingrid), unseen(olga)}},
		{"rely on the invoice once the B/L consigns to the importer", ActRelyOnDocument, consigned, []cell{ok(joao), ok(ingrid), unseen(olga), unseen(lars)}},
		{"lodge an export as its declarant", ActLodgeDeclaration, export, []cell{ok(joao), no(azulClerk), no(marta), no(mads), no(audra)}},
		{"lodge naming another declarant", ActLodgeDeclaration, lodgeAs(export, azulejos), []cell{no(olga), no(ingrid)}},
		{"the importer imports", ActLodgeDeclaration, imp, []cell{ok(ingrid), no(joao), no(lars)}},
		{"the importer declares the export", ActLodgeDeclaration, lodgeAs(export, nordic), []cell{no(ingrid)}},
		{"the exporter declares the import", ActLodgeDeclaration, lodgeAs(imp, azulejos), []cell{no(joao)}},
		{"someone else declares on the trade", ActLodgeDeclaration, lodgeAs(export, outsider), []cell{unseen(olga), unseen(fakeAudit)}},
		{"lodge on a trade customs does not know", ActLodgeDeclaration, unknown(export), []cell{unseen(joao), no(marta)}},
		{"inspect the export", ActInspectDeclaration, export, []cell{ok(marta), unseen(lars), no(ptClerk), no(joao), no(audra), unseen(olga)}},
		{"clear the export", ActClearExport, export, []cell{ok(marta), unseen(lars), no(ptClerk), no(joao)}},
		{"assess the import's duty", ActAssessDuty, imp, []cell{ok(lars), unseen(marta), no(ingrid), no(audra)}},
		{"release the import", ActReleaseGoods, imp, []cell{ok(lars), unseen(marta), no(ingrid)}},
		{"pay the import's duty", ActPayDuty, imp, []cell{ok(ingrid), unseen(olga), unseen(joao), no(lars), unseen(erik), no(audra)}},
		{"guarantee the import's duty", ActGuaranteeDuty, imp, []cell{ok(ingrid), unseen(olga), no(lars), unseen(erik)}},
		{"issue the bill of lading", ActIssueBillOfLading, shipment, []cell{ok(mads), ok(maerskEDI), no(hapag), no(joao), no(marta)}},
		{"issue a bill of lading naming no trader", ActIssueBillOfLading, naming("", ""), []cell{ok(mads)}},
		{"issue a bill of lading of goods someone else ships", ActIssueBillOfLading, naming(outsider, nordic), []cell{no(mads)}},
		{"issue a bill of lading consigning the goods to someone else", ActIssueBillOfLading, naming(azulejos, outsider), []cell{no(mads)}},
		{"issue a bill of lading on a trade customs does not know", ActIssueBillOfLading, unknown(shipment), []cell{unseen(mads), no(joao)}},
		{"report a transport event", ActReportTransportEvent, shipment, []cell{ok(mads), unseen(hapag), no(ingrid), no(marta), no(audra), unseen(olga)}},
		{"an action no rule names", Action("burn"), export, []cell{no(joao), no(marta), no(audra), unseen(olga)}},
	} {
		for _, x := range c.cells {
			err := Authorize(x.who, c.action, c.on)
			var f *Forbidden
			switch {
			case x.want == allowed && err != nil:
				t.Errorf("%s: %s of %s refused: %v", c.name, x.who.Subject, x.who.Org, err)
			case x.want == refused && (!errors.As(err, &f) || f.Rule == "" || KindOf(err) != KindForbidden):
				t.Errorf("%s: %s of %s: %v, want a 403 naming the rule", c.name, x.who.Subject, x.who.Org, err)
			case x.want == hidden && err != ErrNotVisible:
				t.Errorf("%s: %s of %s: %v, want ErrNotVisible (404, as a missing resource)", c.name, x.who.Subject, x.who.Org, err)
			}
		}
	}
}

// TestTradeFileParties: who sees a shipment or a document through the trade, and who the
// trade's bills of lading make its shipper and consignee.
func TestTradeFileParties(t *testing.T) {
	inv := &Document{DocumentRegistered: DocumentRegistered{SHA256: "inv", Registrant: Party{identity.Trader, azulejos}}}
	bl := &Document{DocumentRegistered: DocumentRegistered{SHA256: "bl", Registrant: Party{identity.Carrier, "MAEU"}}}
	ship := BillOfLadingIssued{ID: "S-1", Carrier: "MAEU", Shipper: azulejos, Consignee: nordic, DocumentSHA256: "bl"}
	file := TradeFile{Trade: trade, Documents: []*Document{inv, bl},
		Declarations: []DeclarationLodged{
			{ID: "E", Direction: Export, Declarant: azulejos, CustomsOffice: "PT000100", Documents: []string{"inv"}},
			{ID: "I", Direction: Import, Declarant: nordic, CustomsOffice: "SE000100", Documents: []string{"inv"}},
			{ID: "I2", Direction: Import, Declarant: nordic, CustomsOffice: "SE000100"},
		},
		Shipments: []BillOfLadingIssued{ship}}
	got := fmt.Sprint(file.Shipment(&Shipment{BillOfLadingIssued: ship}))
	if want := fmt.Sprint(Parties{Carrier: "MAEU", Shipper: azulejos, Consignee: nordic, Trade: trade,
		Related: []Party{{identity.Customs, "PT000100"}, {identity.Customs, "SE000100"}}}); got != want {
		t.Errorf("shipment:\n got %s\nwant %s", got, want)
	}
	got = fmt.Sprint(file.Document(inv).Related)
	if want := fmt.Sprint([]Party{{identity.Trader, azulejos}, {identity.Customs, "PT000100"}, {identity.Trader, nordic}, {identity.Customs, "SE000100"}}); got != want {
		t.Errorf("invoice related:\n got %s\nwant %s", got, want)
	}
	got = fmt.Sprint(file.Document(bl).Related)
	if want := fmt.Sprint([]Party{{identity.Carrier, "MAEU"}, {identity.Trader, azulejos}, {identity.Trader, nordic}}); got != want {
		t.Errorf("B/L related:\n got %s\nwant %s", got, want)
	}
	if p := file.Document(inv); fmt.Sprint(p.TradeShippers, p.TradeConsignees) != fmt.Sprint([]string{azulejos}, []string{nordic}) || p.Trade != trade || p.Kind != inv.Kind {
		t.Errorf("invoice: %+v", p)
	}
	if p := file.Lodgement(DeclarationLodged{Direction: Import, Declarant: outsider}); p.Trade != trade || p.Declarant != outsider {
		t.Errorf("lodgement: %+v", p)
	}
	if p := (TradeFile{}).Lodgement(DeclarationLodged{Direction: Export, Declarant: azulejos}); p.Trade != nil {
		t.Errorf("a trade customs does not know: %+v", p)
	}
}

package domain

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/problem"
)

// The dev directory's parties (HLCU, a second carrier, is not in it: the directory has one).
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
	hapag     = user("HLCU", identity.Carrier, "hans", identity.RoleCarrierAgent)
	audra     = user("TRADEREG", identity.Auditor, "audra", identity.RoleAuditor)
	erik      = user("ESSESESS", identity.Bank, "erik", identity.RoleTradeOfficer)
	// Members of a party without the role the action needs, and a trader calling itself auditor.
	ptClerk   = user("PT000100", identity.Customs, "clerk")
	azulClerk = user(azulejos, identity.Trader, "intern")
	fakeAudit = user(outsider, identity.Trader, "olga", identity.RoleAuditor, identity.RoleTrader)
)

func TestAuthorize(t *testing.T) {
	export := Parties{Direction: Export, Declarant: azulejos, CustomsOffice: "PT000100"}
	imp := Parties{Direction: Import, Declarant: nordic, CustomsOffice: "SE000100"}
	shipped := func(p Parties) Parties {
		p.TradeShippers, p.TradeConsignees = []string{azulejos}, []string{nordic}
		return p
	}
	lodgeAs := func(p Parties, declarant string) Parties { p.Declarant = declarant; return p }
	shipment := Parties{Carrier: "MAEU", Shipper: azulejos, Consignee: nordic,
		Related: []Party{{identity.Customs, "PT000100"}, {identity.Customs, "SE000100"}}}
	bare := Parties{Carrier: "MAEU"}
	invoice := Parties{Registrant: Party{identity.Trader, azulejos}, Related: []Party{{identity.Customs, "PT000100"}}}
	consigned := invoice
	consigned.TradeShippers, consigned.TradeConsignees = []string{azulejos}, []string{nordic}

	type cell struct {
		who identity.Actor
		ok  bool
	}
	for _, c := range []struct {
		name   string
		action Action
		on     Parties
		cells  []cell
	}{
		{"read the export declaration", ActRead, export, []cell{{joao, true}, {marta, true}, {audra, true}, {azulClerk, true},
			{ingrid, false}, {olga, false}, {lars, false}, {mads, false}, {erik, false}, {fakeAudit, false}}},
		{"read the import declaration", ActRead, imp, []cell{{ingrid, true}, {lars, true}, {audra, true}, {joao, false}, {marta, false}}},
		{"read the shipment", ActRead, shipment, []cell{{mads, true}, {joao, true}, {ingrid, true}, {marta, true}, {lars, true}, {audra, true},
			{hapag, false}, {olga, false}, {erik, false}}},
		{"read a shipment naming no trader", ActRead, bare, []cell{{mads, true}, {audra, true}, {joao, false}, {marta, false}}},
		{"read the invoice", ActRead, invoice, []cell{{joao, true}, {marta, true}, {audra, true}, {ingrid, false}, {olga, false}, {mads, false}}},
		{"the trade's consignee does not read a document by holding it", ActRead, consigned, []cell{{ingrid, false}, {joao, true}}},
		{"register a document", ActRegisterDocument, Parties{}, []cell{{joao, true}, {ingrid, true}, {olga, true}, {mads, true}, {maerskEDI, true},
			{azulClerk, false}, {marta, false}, {audra, false}, {erik, false}}},
		{"rely on the invoice", ActRelyOnDocument, invoice, []cell{{joao, true}, {marta, true}, {ingrid, false}, {olga, false}}},
		{"rely on the invoice once the B/L consigns to the importer", ActRelyOnDocument, consigned, []cell{{joao, true}, {ingrid, true}, {olga, false}, {lars, false}}},
		{"lodge an export as its declarant", ActLodgeDeclaration, export, []cell{{joao, true}, {azulClerk, false}, {marta, false}, {mads, false}, {audra, false}}},
		{"lodge naming another declarant", ActLodgeDeclaration, lodgeAs(export, azulejos), []cell{{olga, false}, {ingrid, false}}},
		{"lodge the export once the B/L names the shipper", ActLodgeDeclaration, shipped(export), []cell{{joao, true}}},
		{"someone else exports goods the B/L says the exporter ships", ActLodgeDeclaration, lodgeAs(shipped(export), outsider), []cell{{olga, false}}},
		{"the importer imports what the B/L consigns to it", ActLodgeDeclaration, shipped(imp), []cell{{ingrid, true}}},
		{"someone else imports goods consigned to the importer", ActLodgeDeclaration, lodgeAs(shipped(imp), outsider), []cell{{olga, false}}},
		{"inspect the export", ActInspectDeclaration, export, []cell{{marta, true}, {lars, false}, {ptClerk, false}, {joao, false}, {audra, false}}},
		{"clear the export", ActClearExport, export, []cell{{marta, true}, {lars, false}, {ptClerk, false}, {joao, false}}},
		{"assess the import's duty", ActAssessDuty, imp, []cell{{lars, true}, {marta, false}, {ingrid, false}, {audra, false}}},
		{"release the import", ActReleaseGoods, imp, []cell{{lars, true}, {marta, false}, {ingrid, false}}},
		{"pay the import's duty", ActPayDuty, imp, []cell{{ingrid, true}, {olga, false}, {joao, false}, {lars, false}, {erik, false}}},
		{"guarantee the import's duty", ActGuaranteeDuty, imp, []cell{{ingrid, true}, {olga, false}, {lars, false}, {erik, false}}},
		{"issue the bill of lading", ActIssueBillOfLading, shipment, []cell{{mads, true}, {maerskEDI, true}, {hapag, false}, {joao, false}, {marta, false}}},
		{"report a transport event", ActReportTransportEvent, shipment, []cell{{mads, true}, {hapag, false}, {ingrid, false}, {audra, false}}},
		{"an action no rule names", Action("burn"), export, []cell{{joao, false}, {marta, false}, {audra, false}}},
	} {
		for _, x := range c.cells {
			err := Authorize(x.who, c.action, c.on)
			var p *problem.Error
			switch {
			case x.ok && err != nil:
				t.Errorf("%s: %s of %s refused: %v", c.name, x.who.Subject, x.who.Org, err)
			case !x.ok && (!errors.As(err, &p) || p.Kind != problem.Forbidden || p.Detail == ""):
				t.Errorf("%s: %s of %s: %v, want a 403 naming the rule", c.name, x.who.Subject, x.who.Org, err)
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
	file := TradeFile{Documents: []*Document{inv, bl},
		Declarations: []DeclarationLodged{
			{ID: "E", Direction: Export, Declarant: azulejos, CustomsOffice: "PT000100", Documents: []string{"inv"}},
			{ID: "I", Direction: Import, Declarant: nordic, CustomsOffice: "SE000100", Documents: []string{"inv"}},
			{ID: "I2", Direction: Import, Declarant: nordic, CustomsOffice: "SE000100"},
		},
		Shipments: []BillOfLadingIssued{ship}}
	got := fmt.Sprint(file.Shipment(&Shipment{BillOfLadingIssued: ship}))
	if want := fmt.Sprint(Parties{Carrier: "MAEU", Shipper: azulejos, Consignee: nordic,
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
	if p := file.Lodgement(DeclarationLodged{Direction: Import, Declarant: outsider}); fmt.Sprint(p.TradeShippers, p.TradeConsignees) != fmt.Sprint([]string{azulejos}, []string{nordic}) {
		t.Errorf("lodgement: %+v", p)
	}
	if p := (TradeFile{}).Lodgement(DeclarationLodged{Direction: Export, Declarant: azulejos}); p.TradeShippers != nil || p.TradeConsignees != nil {
		t.Errorf("no B/L yet: %+v", p)
	}
}

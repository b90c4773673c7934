package domain

import (
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

func TestEachPartyIsOfferedItsOwnNextStep(t *testing.T) {
	const importer, exporter, issuing, advising = "5493001NORDICIMP0058", "5493002AZULEJOSLX028", "ESSESESS", "BCOMPTPL"
	credit := func(status string, ps ...Presentation) Credit {
		return Credit{Status: status, Applicant: importer, Beneficiary: exporter, IssuingBank: issuing, AdvisingBank: advising, Presentations: ps}
	}
	trader := func(org string) identity.Actor {
		return identity.Actor{Org: org, OrgKind: identity.Trader, Roles: []string{identity.RoleTrader}}
	}
	bank := func(org string, roles ...string) identity.Actor {
		return identity.Actor{Org: org, OrgKind: identity.Bank, Roles: roles}
	}
	allDocs := []string{"commercial_invoice", "packing_list", "certificate_of_origin"}
	refused := Presentation{ID: "P-1", Refused: true}
	waived := Presentation{ID: "P-1", Refused: true, WaiverRequested: true}
	cases := []struct {
		name  string
		actor identity.Actor
		trade Trade
		want  []Action
	}{
		{"the issuing bank's officer issues", bank(issuing, identity.RoleTradeOfficer), Trade{Credit: credit("APPLIED")}, []Action{Issue}},
		{"another bank's officer does not", bank("OTHRGB2L", identity.RoleTradeOfficer), Trade{Credit: credit("APPLIED")}, nil},
		{"the approver checks four eyes", bank(issuing, identity.RoleApprover), Trade{Credit: credit("PENDING_ISSUE_APPROVAL")}, []Action{ApproveIssue}},
		{"the advising bank advises", bank(advising, identity.RoleTradeOfficer), Trade{Credit: credit("ISSUED")}, []Action{Advise}},
		{"the beneficiary accepts", trader(exporter), Trade{Credit: credit("ADVISED")}, []Action{Accept}},
		{"the applicant does not accept", trader(importer), Trade{Credit: credit("ADVISED")}, nil},
		{"the beneficiary registers its documents", trader(exporter), Trade{Credit: credit("ACCEPTED"), Documents: allDocs[:1]}, []Action{RegisterDocs}},
		{"then declares the export", trader(exporter), Trade{Credit: credit("ACCEPTED"), Documents: allDocs}, []Action{DeclareExport}},
		{"and presents once shipped", trader(exporter), Trade{Credit: credit("ACCEPTED"), Documents: allDocs,
			Declarations: []Declaration{{Direction: "export", Status: "CLEARED"}}, Shipment: true}, []Action{Present}},
		{"the applicant waives a refusal (UCP 600 Art. 16(b))", trader(importer), Trade{Credit: credit("REFUSED", refused), Shipment: true}, []Action{Waive}},
		{"the beneficiary does not present while the refusal awaits the waiver", trader(exporter), Trade{Credit: credit("REFUSED", refused), Documents: allDocs,
			Declarations: []Declaration{{Direction: "export"}}, Shipment: true}, nil},
		{"the issuing bank decides on the waiver", bank(issuing, identity.RoleTradeOfficer), Trade{Credit: credit("REFUSED", waived)}, []Action{DecideWaiver}},
		{"the applicant declares the import once honoured", trader(importer), Trade{Credit: credit("HONOURED"), Shipment: true}, []Action{DeclareImport}},
		{"and pays the assessed duty, or has it guaranteed", trader(importer), Trade{Credit: credit("HONOURED"), Shipment: true,
			Declarations: []Declaration{{Direction: "import", Status: "ASSESSED"}}}, []Action{PayDuty, GuaranteeDuty}},
		{"a payments officer reports the instructed payment", bank("NCLRSESS", identity.RolePaymentsOfficer), Trade{Payment: "instructed"}, []Action{ReportSettled}},
		{"the auditor changes nothing", identity.Actor{Org: "TRADEREG", OrgKind: identity.Auditor, Roles: []string{identity.RoleAuditor}},
			Trade{Credit: credit("APPLIED"), Payment: "instructed"}, nil},
	}
	for _, c := range cases {
		if got := Actions(c.actor, c.trade); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestTheCustomsOfficeOnTheDeclarationDecides(t *testing.T) {
	officer := func(office string) identity.Actor {
		return identity.Actor{Org: office, OrgKind: identity.Customs, Roles: []string{identity.RoleCustomsOfficer}}
	}
	cases := []struct {
		actor identity.Actor
		decl  Declaration
		want  []Action
	}{
		{officer("PT000100"), Declaration{Direction: "export", Status: "LODGED", Office: "PT000100"}, []Action{InspectGoods, ClearExport}},
		{officer("PT000100"), Declaration{Direction: "export", Status: "INSPECTED", Office: "PT000100"}, []Action{ClearExport}},
		{officer("SE000100"), Declaration{Direction: "import", Status: "LODGED", Office: "SE000100"}, []Action{InspectGoods, AssessDuty}},
		{officer("SE000100"), Declaration{Direction: "import", Status: "PAID", Office: "SE000100"}, []Action{ReleaseGoods}},
		{officer("SE000100"), Declaration{Direction: "import", Status: "ASSESSED", Office: "SE000100"}, nil},
		{officer("DE004601"), Declaration{Direction: "import", Status: "PAID", Office: "SE000100"}, nil},
	}
	for _, c := range cases {
		if got := DeclarationActions(c.actor, c.decl); !slices.Equal(got, c.want) {
			t.Errorf("%s on %+v: %v, want %v", c.actor.Org, c.decl, got, c.want)
		}
	}
}

func TestEveryEventHasANextStep(t *testing.T) {
	if NextStep("lc.applied.v1") != "the issuing bank issues the credit" || NextStep("unknown.v1") != "—" {
		t.Fatal("next steps")
	}
}

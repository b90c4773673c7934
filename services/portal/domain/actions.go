package domain

import (
	"slices"

	"github.com/tradefin/tradefin/events/identity"
)

// Action is a step the portal offers on a trade's page.
type Action string

const (
	Issue         Action = "issue"           // issuing bank, trade officer (MT700)
	ApproveIssue  Action = "approve-issue"   // issuing bank, approver: the checker of four eyes
	Advise        Action = "advise"          // advising bank (UCP 600 Art. 9)
	Accept        Action = "accept"          // beneficiary
	RegisterDocs  Action = "documents"       // beneficiary: the file is hashed and registered
	DeclareExport Action = "export"          // beneficiary, the shipper
	Present       Action = "present"         // beneficiary: examined at once under UCP 600
	Waive         Action = "waive"           // applicant (UCP 600 Art. 16(b))
	DecideWaiver  Action = "waiver-decision" // issuing bank: accepting honours (MT752)
	Examine       Action = "examination"     // issuing bank's examiner: honour or refuse a queued presentation
	DeclareImport Action = "import"          // applicant, the consignee
	PayDuty       Action = "pay-duty"        // applicant, once duty is assessed
	GuaranteeDuty Action = "guarantee-duty"  // applicant: a guarantor secures the duty instead (UCC Art. 195)
	ReportSettled Action = "settled"         // a payments officer: the pacs.002 ACSC
	IssueShipment Action = "bill-of-lading"  // carrier
	ReportTransit Action = "transport-event" // carrier of the B/L
	InspectGoods  Action = "inspection"      // customs office on the declaration
	ClearExport   Action = "clearance"
	AssessDuty    Action = "duty-assessment"
	ReleaseGoods  Action = "release"
)

// Credit is what the page knows of the trade's credit (zero when the user may not see it).
type Credit struct {
	Status                                            string // APPLIED ... HONOURED, "" when unseen
	Applicant, Beneficiary, IssuingBank, AdvisingBank string
	Presentations                                     []Presentation
	// An amendment or a cancellation the issuing bank proposed awaits the beneficiary's answer.
	AmendmentProposed, CancellationProposed bool
	// ConfirmingBank is the bank asked to confirm ("" when none is), Confirmed once it did (confirmation.go).
	ConfirmingBank string
	Confirmed      bool
}

// Presentation is one examined presentation.
type Presentation struct {
	ID                                          string
	Refused, WaiverRequested, Decided, Honoured bool
	Queued                                      bool   // awaiting the issuing bank's examiner
	HonouredBy                                  string // the confirming bank, when it honoured
	Claimed                                     bool   // its reimbursement claimed
}

// Declaration is a customs declaration of the trade the user can see.
type Declaration struct {
	Direction, Status, Office, Declarant string
}

// Trade is what the page gathered.
type Trade struct {
	Credit       Credit
	Documents    []string // kinds registered
	Declarations []Declaration
	Shipment     bool
	Payment      string // its status, "" when unseen
}

// ExportDocuments are what an export declaration requires (and the beneficiary registers).
var ExportDocuments = []string{"commercial_invoice", "packing_list", "certificate_of_origin"}

// Actions are the steps a offers on t, in the order the trade takes them. The auditor is never
// offered one: it reads every trade and changes nothing.
func Actions(a identity.Actor, t Trade) []Action {
	if a.IsAuditor() {
		return nil
	}
	c := t.Credit
	officer := func(bank string) bool { return a.Acts(identity.Bank, bank, identity.RoleTradeOfficer) }
	beneficiary := a.Is(identity.Trader, c.Beneficiary)
	applicant := a.Is(identity.Trader, c.Applicant)
	var out []Action
	add := func(ok bool, act Action) {
		if ok {
			out = append(out, act)
		}
	}
	export, imp := t.declaration("export"), t.declaration("import")
	add(c.Status == "APPLIED" && officer(c.IssuingBank), Issue)
	add(c.Status == "PENDING_ISSUE_APPROVAL" && a.Acts(identity.Bank, c.IssuingBank, identity.RoleApprover), ApproveIssue)
	add(c.Status == "ISSUED" && officer(c.AdvisingBank), Advise)
	add(c.Status == "ADVISED" && beneficiary, Accept)
	add(c.Status == "ACCEPTED" && beneficiary && !t.hasAll(ExportDocuments), RegisterDocs)
	add(c.Status == "ACCEPTED" && beneficiary && export == nil && t.hasAll(ExportDocuments), DeclareExport)
	add((c.Status == "ACCEPTED" || c.Status == "REFUSED") && beneficiary && t.Shipment && !c.awaitingWaiver(), Present)
	for _, p := range c.Presentations {
		add(applicant && p.Refused && !p.WaiverRequested && !p.Honoured, Waive)
		add(officer(c.IssuingBank) && p.WaiverRequested && !p.Decided, DecideWaiver)
		add(officer(c.IssuingBank) && p.Queued, Examine)
	}
	add(applicant && t.Shipment && imp == nil && c.Status == "HONOURED", DeclareImport)
	add(applicant && imp != nil && imp.Status == "ASSESSED", PayDuty)
	add(applicant && imp != nil && imp.Status == "ASSESSED", GuaranteeDuty)
	add(a.OrgKind == identity.Bank && a.Has(identity.RolePaymentsOfficer) && t.Payment == "instructed", ReportSettled)
	return slices.Compact(out)
}

// DeclarationActions are the customs office's steps on a declaration it is named on.
func DeclarationActions(a identity.Actor, d Declaration) []Action {
	if !a.Acts(identity.Customs, d.Office, identity.RoleCustomsOfficer) {
		return nil
	}
	open := d.Status == "LODGED" || d.Status == "INSPECTED"
	var out []Action
	if d.Status == "LODGED" {
		out = append(out, InspectGoods)
	}
	if open && d.Direction == "export" {
		out = append(out, ClearExport)
	}
	if open && d.Direction == "import" {
		out = append(out, AssessDuty)
	}
	if d.Direction == "import" && (d.Status == "PAID" || d.Status == "GUARANTEED") {
		out = append(out, ReleaseGoods)
	}
	return out
}

func (t Trade) declaration(direction string) *Declaration {
	for i := range t.Declarations {
		if t.Declarations[i].Direction == direction {
			return &t.Declarations[i]
		}
	}
	return nil
}

func (t Trade) hasAll(kinds []string) bool {
	for _, k := range kinds {
		if !slices.Contains(t.Documents, k) {
			return false
		}
	}
	return true
}

func (c Credit) awaitingWaiver() bool {
	for _, p := range c.Presentations {
		if p.Refused && !p.Decided {
			return true
		}
	}
	return false
}

// Package rules is the order of a trade's milestones and who may commit each: the chaincode
// enforces it, and the trade workflow and the ledger agents follow it. It has no dependency at
// all (no Fabric API), so those can use it without pulling in the chaincode's.
package rules

// Type names a milestone of a trade.
type Type string

// The milestones of a documentary-credit trade.
const (
	LCApplied          Type = "LC_APPLIED"
	LCIssued           Type = "LC_ISSUED"
	LCAdvised          Type = "LC_ADVISED"
	LCAccepted         Type = "LC_ACCEPTED"
	ExportCleared      Type = "EXPORT_CLEARED"
	Shipped            Type = "SHIPPED"
	DocumentsPresented Type = "DOCUMENTS_PRESENTED"
	DocumentsRefused   Type = "DOCUMENTS_REFUSED"
	DiscrepancyWaived  Type = "DISCREPANCY_WAIVED"
	Honoured           Type = "HONOURED"
	Settled            Type = "SETTLED"
	ImportReleased     Type = "IMPORT_RELEASED"
	Closed             Type = "CLOSED"
	Expired            Type = "EXPIRED"
	Cancelled          Type = "CANCELLED"
)

// The organisations of the trade channel (MSP IDs).
const (
	ImporterBank = "ImporterBankMSP" // issuing bank; the importer acts through it
	ExporterBank = "ExporterBankMSP" // advising/nominated bank; the exporter acts through it
	Customs      = "CustomsMSP"      // export and import customs; the carrier reports through it
)

// rule says who may commit a milestone and which milestone must come just before it.
type rule struct {
	org   string
	after []Type // empty: the first milestone of a trade
}

// rules is the trade's state machine, in one place. The happy path runs top to bottom; the
// refusal branch (UCP 600 Art. 16) goes PRESENTED → REFUSED → WAIVED → HONOURED, or REFUSED →
// PRESENTED again when the beneficiary re-presents corrected documents before expiry.
var rules = map[Type]rule{
	LCApplied:          {org: ImporterBank},
	LCIssued:           {org: ImporterBank, after: []Type{LCApplied}},
	LCAdvised:          {org: ExporterBank, after: []Type{LCIssued}},
	LCAccepted:         {org: ExporterBank, after: []Type{LCAdvised}},
	ExportCleared:      {org: Customs, after: []Type{LCAccepted}},
	Shipped:            {org: Customs, after: []Type{ExportCleared}},
	DocumentsPresented: {org: ExporterBank, after: []Type{Shipped, DocumentsRefused}},
	DocumentsRefused:   {org: ImporterBank, after: []Type{DocumentsPresented}},
	DiscrepancyWaived:  {org: ImporterBank, after: []Type{DocumentsRefused}},
	Honoured:           {org: ImporterBank, after: []Type{DocumentsPresented, DiscrepancyWaived}},
	Settled:            {org: ImporterBank, after: []Type{Honoured}},
	ImportReleased:     {org: Customs, after: []Type{Settled}},
	Closed:             {org: ImporterBank, after: []Type{ImportReleased}},
	// An LC can expire or be cancelled (with the beneficiary's consent, UCP 600 Art. 10(a)) at
	// any point before the issuing bank honours it.
	Expired:   {org: ImporterBank, after: beforeHonour},
	Cancelled: {org: ImporterBank, after: beforeHonour},
}

var beforeHonour = []Type{LCApplied, LCIssued, LCAdvised, LCAccepted, ExportCleared, Shipped, DocumentsPresented, DocumentsRefused, DiscrepancyWaived}

// Check returns nil when org may record next after last ("" for a new trade), else an error
// whose message starts with one of the codes in errors.go. The trade workflow uses it to commit
// milestones in the order the chaincode will accept them.
func Check(next Type, last Type, org string) error {
	r, ok := rules[next]
	if !ok {
		return Errorf(ErrUnknownMilestone, "unknown milestone %q", next)
	}
	if org != r.org {
		return Errorf(ErrNotEntitled, "%s may not record %s: only %s may", org, next, r.org)
	}
	if len(r.after) == 0 {
		if last != "" {
			return Errorf(ErrOutOfOrder, "%s must be the first milestone of a trade, but the trade already has %s", next, last)
		}
		return nil
	}
	for _, a := range r.after {
		if a == last {
			return nil
		}
	}
	if last == "" {
		return Errorf(ErrOutOfOrder, "%s cannot start a trade: the first milestone is %s", next, LCApplied)
	}
	return Errorf(ErrOutOfOrder, "%s cannot follow %s; it must follow %s", next, last, joinTypes(r.after))
}

func joinTypes(ts []Type) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += " or "
		}
		s += string(t)
	}
	return s
}

// EntitledOrg is the MSP ID of the one organisation that may record t ("" for an unknown one).
func EntitledOrg(t Type) string { return rules[t].org }

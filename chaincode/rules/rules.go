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
	LCAmended          Type = "LC_AMENDED"
	LCAmendmentIssued  Type = "LC_AMENDMENT_ISSUED" // the issuing bank is bound by it (UCP 600 Art. 10(b)); LC_AMENDED on acceptance
	LCTransferred      Type = "LC_TRANSFERRED"      // to a second beneficiary, once, by the transferring bank (Art. 38)
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
	LCFullyDrawn       Type = "LC_FULLY_DRAWN" // nothing is left to draw (drawings.go)
)

// The organisations of the trade channel (MSP IDs).
const (
	ImporterBank = "ImporterBankMSP" // issuing bank; the importer acts through it
	ExporterBank = "ExporterBankMSP" // advising/nominated bank; the exporter acts through it
	Customs      = "CustomsMSP"      // export and import customs; the carrier reports through it
)

// noPresentation is the presentation track before the first presentation.
const noPresentation Type = ""

// rule says who may commit a milestone and what must be on the ledger first.
type rule struct {
	org   string
	needs []Type // every one committed before (none: the first milestone of a trade)
	// presentation, for a milestone of the presentation track (or one that depends on where it
	// stands): the track's last milestone it may follow; nil when the track does not matter.
	presentation []Type
	repeats      bool // may be committed again, for another event (a new presentation, amendment)
	ends         bool // nothing may follow it: the trade is over
	first        bool
}

// rules is the trade's partial order, in one place. A trade is tracks that wait for each other
// only where one truly needs another:
//   - the credit: LC_APPLIED → LC_ISSUED → LC_ADVISED → LC_ACCEPTED, with LC_AMENDMENT_ISSUED
//     (the issuing bank bound, Art. 10(b)) and LC_AMENDED (the beneficiary accepted, 10(c))
//     between issue and honour any number of times (UCP 600 Art. 10; MT707);
//   - a transferable credit is transferred once (LC_TRANSFERRED), by the transferring bank after
//     it advised the credit and before any presentation (UCP 600 Art. 38(b), (d));
//   - the goods and customs: EXPORT_CLEARED → SHIPPED. Export clearance is customs' decision on
//     the exporter's declaration and waits for no bank; it needs only LC_APPLIED, the milestone
//     that opens the trade's chain (a trade ID is created by its credit application), so it
//     may be committed while the banks are still issuing and advising;
//   - the presentation: DOCUMENTS_PRESENTED needs the credit issued (it binds the issuing bank
//     from issuance, Art. 7(b)) and the bill of lading (SHIPPED, the transport document
//     presented, Art. 20); then REFUSED → WAIVED → HONOURED, or REFUSED → PRESENTED again when
//     corrected documents are re-presented (Art. 16);
//   - payment: SETTLED needs HONOURED;
//   - import: IMPORT_RELEASED needs SHIPPED and HONOURED. The importer takes the goods with the
//     original bill of lading, which the issuing bank releases to it once it has honoured and
//     taken up the documents; whether the import duty is paid is customs' own check before it
//     releases (customs.duty_paid.v1 is no milestone). The interbank settlement does not hold
//     the goods back;
//   - CLOSED needs both ends: IMPORT_RELEASED and SETTLED.
//
// EXPIRED (the LC service's decision, lc.expired.v1) and CANCELLED (with the beneficiary's
// consent, Art. 10(a)) end the trade before honour; a credit does not expire while a
// presentation made in time is under examination or its refusal awaits the waiver decision
// being honoured (Art. 6(d)(i), 16), so EXPIRED needs the presentation track at rest: no
// presentation, or one refused and not waived.
var rules = map[Type]rule{
	LCApplied:          {org: ImporterBank, first: true},
	LCReceived:         {org: ExporterBank, first: true}, // a credit issued outside, registered by the advising bank (received.go)
	LCIssued:           {org: ImporterBank, needs: []Type{LCApplied}},
	LCAdvised:          {org: ExporterBank, needs: []Type{LCIssued}},
	LCAccepted:         {org: ExporterBank, needs: []Type{LCAdvised}},
	LCAmended:          {org: ImporterBank, needs: []Type{LCIssued}, presentation: notHonoured, repeats: true},
	LCAmendmentIssued:  {org: ImporterBank, needs: []Type{LCIssued}, presentation: notHonoured, repeats: true},
	LCTransferred:      {org: ExporterBank, needs: []Type{LCAdvised}, presentation: []Type{noPresentation}},
	ExportCleared:      {org: Customs, needs: []Type{LCApplied}},
	Shipped:            {org: Customs, needs: []Type{ExportCleared}},
	DocumentsPresented: {org: ExporterBank, needs: []Type{LCIssued, Shipped}, presentation: []Type{noPresentation, DocumentsRefused}, repeats: true},
	DocumentsRefused:   {org: ImporterBank, needs: []Type{DocumentsPresented}, presentation: []Type{DocumentsPresented}, repeats: true},
	DiscrepancyWaived:  {org: ImporterBank, needs: []Type{DocumentsRefused}, presentation: []Type{DocumentsRefused}, repeats: true},
	Honoured:           {org: ImporterBank, needs: []Type{DocumentsPresented}, presentation: []Type{DocumentsPresented, DiscrepancyWaived}},
	Settled:            {org: ImporterBank, needs: []Type{Honoured}},
	ImportReleased:     {org: Customs, needs: []Type{Shipped, Honoured}},
	Closed:             {org: ImporterBank, needs: []Type{ImportReleased, Settled}, ends: true},
	Expired:            {org: ImporterBank, needs: []Type{LCApplied}, presentation: []Type{noPresentation, DocumentsRefused}, ends: true},
	Cancelled:          {org: ImporterBank, needs: []Type{LCApplied}, presentation: notHonoured, ends: true},
	LCFullyDrawn:       {org: ImporterBank, needs: []Type{Honoured}},
	// A confirmed credit and its reimbursement (confirmation.go).
	LCConfirmed:          {org: ExporterBank, needs: []Type{LCIssued}, presentation: notHonoured},
	ReimbursementClaimed: {org: ExporterBank, needs: []Type{LCConfirmed, Honoured}, repeats: true},
	Reimbursed:           {org: ImporterBank, needs: []Type{ReimbursementClaimed}, repeats: true},
	// Discounting before maturity (discount.go).
	UndertakingDiscounted: {org: NominatedBank, needs: []Type{Honoured}, presentation: []Type{Honoured}},
}

// notHonoured is every place of the presentation track before honour.
var notHonoured = []Type{noPresentation, DocumentsPresented, DocumentsRefused, DiscrepancyWaived}

// Check returns nil when org may record next on a trade whose ledger stands at s, else an
// error whose message starts with one of the codes in errors.go. The trade workflow uses it to
// commit every milestone whose prerequisites are on the ledger.
func Check(next Type, s State, org string) error { return check(next, "", s, org) }

// check is Check for a milestone of drawing ("" for none; see drawings.go).
func check(next Type, drawing string, s State, org string) error {
	r, ok := rules[next]
	if !ok {
		return Errorf(ErrUnknownMilestone, "unknown milestone %q", next)
	}
	if err := checkEntitled(next, s, org); err != nil { // performer.go
		return err
	}
	if end := s.end(); end != "" {
		return Errorf(ErrOutOfOrder, "%s cannot follow %s: the trade is over", next, end)
	}
	if r.first {
		if len(s.Committed) > 0 {
			return Errorf(ErrOutOfOrder, "%s must be the first milestone of a trade, but the trade already has %s", next, joinTypes(s.Committed, ", "))
		}
		return nil
	}
	if len(s.Committed) == 0 {
		return Errorf(ErrOutOfOrder, "%s cannot start a trade: the first milestone is %s", next, LCApplied)
	}
	if s.holds(next) && !r.repeats && drawing == "" && !repeatsWithDrawings(next, s) {
		return Errorf(ErrOutOfOrder, "%s is already recorded for this trade and happens once", next)
	}
	var missing []Type
	for _, n := range r.needs {
		if !s.holds(n) {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return Errorf(ErrOutOfOrder, "%s needs %s first", next, joinTypes(missing, " and "))
	}
	if decided, err := checkDrawings(next, drawing, s); decided {
		return err
	}
	if r.presentation != nil && !contains(r.presentation, s.Presentation) {
		return Errorf(ErrOutOfOrder, "%s cannot follow %s on the presentation track; it must follow %s", next, orNone(s.Presentation), joinPlaces(r.presentation))
	}
	if err := discountNeeds(next, s); err != nil {
		return err
	}
	return confirmationNeeds(next, s)
}

// EntitledOrg is the MSP ID of the one organisation that may record t ("" for an unknown one).
func EntitledOrg(t Type) string { return rules[t].org }

// Ends reports whether t ends the trade (CLOSED, EXPIRED, CANCELLED): nothing may follow it.
func Ends(t Type) bool { return rules[t].ends }

func contains(ts []Type, t Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func joinTypes(ts []Type, sep string) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += sep
		}
		s += string(t)
	}
	return s
}

func joinPlaces(ts []Type) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += " or "
		}
		s += orNone(t)
	}
	return s
}

func orNone(t Type) string {
	if t == noPresentation {
		return "no presentation"
	}
	return string(t)
}

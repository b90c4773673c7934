package rules

import (
	"strings"
	"testing"
)

// walk commits ms in order, failing the test at the first refusal; it returns the state.
func walk(t *testing.T, ms ...Type) State {
	t.Helper()
	var s State
	for _, m := range ms {
		if err := Check(m, s, EntitledOrg(m)); err != nil {
			t.Fatalf("%s after %v: %v", m, s.Committed, err)
		}
		s = s.After(m)
	}
	return s
}

func TestHappyPathOrderAndEntitlements(t *testing.T) {
	path := []struct {
		m   Type
		org string
	}{
		{LCApplied, ImporterBank}, {LCIssued, ImporterBank}, {LCAdvised, ExporterBank},
		{LCAccepted, ExporterBank}, {ExportCleared, Customs}, {Shipped, Customs},
		{DocumentsPresented, ExporterBank}, {Honoured, ImporterBank}, {Settled, ImporterBank},
		{ImportReleased, Customs}, {Closed, ImporterBank},
	}
	var s State
	for _, p := range path {
		if err := Check(p.m, s, p.org); err != nil {
			t.Fatalf("%s after %v by %s: %v", p.m, s.Committed, p.org, err)
		}
		s = s.After(p.m)
	}
}

// The tracks wait for each other only where one needs the other: customs clears the export as
// soon as the trade exists, while the banks still issue and advise; the goods are released once
// honoured, before or after the banks settle.
func TestTracksRunSideBySide(t *testing.T) {
	walk(t, LCApplied, ExportCleared, Shipped, LCIssued, DocumentsPresented, LCAdvised, LCAccepted, Honoured, ImportReleased, Settled, Closed)
	walk(t, LCApplied, LCIssued, ExportCleared, LCAmended, Shipped, LCAmended, LCAmended, DocumentsPresented, LCAmended, Honoured, Settled, ImportReleased, Closed)
}

func TestRefusals(t *testing.T) {
	applied := walk(t, LCApplied)
	issued := walk(t, LCApplied, LCIssued)
	shipped := walk(t, LCApplied, LCIssued, ExportCleared, Shipped)
	presented := shipped.After(DocumentsPresented)
	honoured := presented.After(Honoured)
	cases := []struct {
		name      string
		next      Type
		s         State
		org       string
		wantCode  string
		wantWords string
	}{
		{"only customs clears exports", ExportCleared, issued, ExporterBank, ErrNotEntitled, "only CustomsMSP"},
		{"only the issuing bank honours", Honoured, presented, Customs, ErrNotEntitled, "only ImporterBankMSP"},
		{"only the issuing bank amends", LCAmended, issued, ExporterBank, ErrNotEntitled, "only ImporterBankMSP"},
		{"no honour before presentation", Honoured, shipped, ImporterBank, ErrOutOfOrder, "HONOURED needs DOCUMENTS_PRESENTED first"},
		{"a trade starts with an application", LCIssued, State{}, ImporterBank, ErrOutOfOrder, "first milestone is LC_APPLIED"},
		{"an application starts a trade once", LCApplied, issued, ImporterBank, ErrOutOfOrder, "must be the first"},
		{"no shipment before export clearance", Shipped, issued, Customs, ErrOutOfOrder, "SHIPPED needs EXPORT_CLEARED first"},
		{"no presentation without the bill of lading", DocumentsPresented, issued, ExporterBank, ErrOutOfOrder, "needs SHIPPED first"},
		{"no presentation under a credit not issued", DocumentsPresented, walk(t, LCApplied, ExportCleared, Shipped), ExporterBank, ErrOutOfOrder, "needs LC_ISSUED first"},
		{"no payment before honour", Settled, presented, ImporterBank, ErrOutOfOrder, "SETTLED needs HONOURED first"},
		{"no release before honour", ImportReleased, presented, Customs, ErrOutOfOrder, "IMPORT_RELEASED needs HONOURED first"},
		{"no close before settlement", Closed, honoured.After(ImportReleased), ImporterBank, ErrOutOfOrder, "CLOSED needs SETTLED first"},
		{"no amendment before issue", LCAmended, applied, ImporterBank, ErrOutOfOrder, "needs LC_ISSUED first"},
		{"no amendment after honour", LCAmended, honoured, ImporterBank, ErrOutOfOrder, "cannot follow HONOURED"},
		{"no expiry after honour", Expired, honoured, ImporterBank, ErrOutOfOrder, "cannot follow HONOURED"},
		{"no expiry of a presentation under examination (Art. 6(d))", Expired, presented, ImporterBank, ErrOutOfOrder, "cannot follow DOCUMENTS_PRESENTED"},
		{"no cancellation after honour", Cancelled, honoured, ImporterBank, ErrOutOfOrder, "cannot follow HONOURED"},
		{"nothing after the trade ends", Settled, honoured.After(Cancelled), ImporterBank, ErrOutOfOrder, "the trade is over"},
		{"nothing after expiry", ExportCleared, applied.After(Expired), Customs, ErrOutOfOrder, "the trade is over"},
		{"a second honour", Honoured, honoured, ImporterBank, ErrOutOfOrder, "already recorded"},
		{"a second shipment", Shipped, shipped, Customs, ErrOutOfOrder, "already recorded"},
		{"unknown milestone", Type("PAID_IN_CASH"), issued, ImporterBank, ErrUnknownMilestone, "unknown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Check(c.next, c.s, c.org)
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.HasPrefix(err.Error(), c.wantCode+":") || !strings.Contains(err.Error(), c.wantWords) {
				t.Fatalf("error %q, want code %s and %q", err, c.wantCode, c.wantWords)
			}
		})
	}
}

func TestRefusalBranchUCP600Art16(t *testing.T) {
	// Art. 16: refused documents may be waived by the applicant and then honoured, or corrected
	// documents re-presented, refused again, and so on.
	shipped := []Type{LCApplied, LCIssued, ExportCleared, Shipped}
	walk(t, append(shipped, DocumentsPresented, DocumentsRefused, DiscrepancyWaived, Honoured, Settled)...)
	walk(t, append(shipped, DocumentsPresented, DocumentsRefused, DocumentsPresented, DocumentsRefused, DocumentsPresented, Honoured)...)
	// A refusal not waived leaves the credit to expire (the bank's choice after the applicant's
	// decision period), or to be cancelled.
	walk(t, append(shipped, DocumentsPresented, DocumentsRefused, Expired)...)
	walk(t, append(shipped, DocumentsPresented, DocumentsRefused, DiscrepancyWaived, Cancelled)...)
	s := walk(t, append(shipped, DocumentsPresented, DocumentsRefused, DiscrepancyWaived)...)
	if err := Check(DocumentsPresented, s, ExporterBank); err == nil {
		t.Error("a presentation after the waiver, before the honour it leads to, was accepted")
	}
	if err := Check(Expired, s, ImporterBank); err == nil {
		t.Error("a waived presentation's credit expired before its honour")
	}
}

// The state the chaincode stores is a function of the milestones alone, in any order they were
// accepted, and Fold rebuilds it from a chain.
func TestStateIsSortedAndRebuiltByFold(t *testing.T) {
	ms := []Type{LCApplied, ExportCleared, LCIssued, Shipped, DocumentsPresented, DocumentsRefused, DocumentsPresented}
	s := walk(t, ms...)
	want := "DOCUMENTS_PRESENTED,DOCUMENTS_REFUSED,EXPORT_CLEARED,LC_APPLIED,LC_ISSUED,SHIPPED"
	if got := joinTypes(s.Committed, ","); got != want || s.Presentation != DocumentsPresented {
		t.Fatalf("state %s / %s, want %s / DOCUMENTS_PRESENTED", got, s.Presentation, want)
	}
	if f := Fold(ms); joinTypes(f.Committed, ",") != want || f.Presentation != s.Presentation {
		t.Fatalf("Fold = %+v, want %+v", f, s)
	}
	if !Ends(Closed) || !Ends(Expired) || !Ends(Cancelled) || Ends(Honoured) {
		t.Error("Ends is wrong")
	}
}

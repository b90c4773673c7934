package rules

import (
	"strings"
	"testing"
)

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
	last := Type("")
	for _, s := range path {
		if err := Check(s.m, last, s.org); err != nil {
			t.Fatalf("%s after %q by %s: %v", s.m, last, s.org, err)
		}
		last = s.m
	}
}

func TestRefusals(t *testing.T) {
	cases := []struct {
		name      string
		next      Type
		last      Type
		org       string
		wantCode  string
		wantWords string
	}{
		{"only customs clears exports", ExportCleared, LCAccepted, ExporterBank, ErrNotEntitled, "only CustomsMSP"},
		{"only the issuing bank honours", Honoured, DocumentsPresented, Customs, ErrNotEntitled, "only ImporterBankMSP"},
		{"no honour before presentation", Honoured, Shipped, ImporterBank, ErrOutOfOrder, "must follow DOCUMENTS_PRESENTED or DISCREPANCY_WAIVED"},
		{"a trade starts with an application", LCIssued, "", ImporterBank, ErrOutOfOrder, "first milestone is LC_APPLIED"},
		{"an application starts a trade once", LCApplied, LCIssued, ImporterBank, ErrOutOfOrder, "must be the first"},
		{"no expiry after honour", Expired, Honoured, ImporterBank, ErrOutOfOrder, "cannot follow HONOURED"},
		{"unknown milestone", Type("PAID_IN_CASH"), LCIssued, ImporterBank, ErrUnknownMilestone, "unknown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Check(c.next, c.last, c.org)
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
	// documents re-presented.
	for _, step := range []struct{ next, last Type }{
		{DocumentsRefused, DocumentsPresented}, {DiscrepancyWaived, DocumentsRefused},
		{Honoured, DiscrepancyWaived}, {DocumentsPresented, DocumentsRefused},
	} {
		org := rules[step.next].org
		if err := Check(step.next, step.last, org); err != nil {
			t.Errorf("%s after %s: %v", step.next, step.last, err)
		}
	}
}

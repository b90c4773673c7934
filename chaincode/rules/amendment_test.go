package rules

import (
	"strings"
	"testing"
)

// Each amendment is two milestones: the issuing bank bound by it when it issues it (UCP 600 Art.
// 10(b)), then, once the beneficiary accepts, the terms changed (Art. 10(c)); a rejected one has
// only the first. Both come between issue and honour, any number of times.
func TestAmendmentIssuedThenAccepted(t *testing.T) {
	walk(t, LCApplied, LCIssued, LCAmendmentIssued, LCAdvised, LCAmended, LCAmendmentIssued, ExportCleared, Shipped,
		LCAmendmentIssued, LCAmended, DocumentsPresented, Honoured)
	issued := walk(t, LCApplied, LCIssued)
	for _, c := range []struct {
		name  string
		s     State
		org   string
		words string
	}{
		{"only the issuing bank issues an amendment", issued, ExporterBank, "only ImporterBankMSP"},
		{"no amendment before the credit is issued", walk(t, LCApplied), ImporterBank, "needs LC_ISSUED first"},
		{"no amendment after honour", walk(t, LCApplied, LCIssued, ExportCleared, Shipped, DocumentsPresented, Honoured), ImporterBank, "cannot follow HONOURED"},
	} {
		err := Check(LCAmendmentIssued, c.s, c.org)
		if err == nil || !strings.Contains(err.Error(), c.words) {
			t.Errorf("%s: %v, want %q", c.name, err, c.words)
		}
	}
}

// A transferable credit is transferred once by the transferring bank, after it advised the
// credit and before any presentation (UCP 600 Art. 38(b), (d)).
func TestTransferOnceBeforePresentation(t *testing.T) {
	walk(t, LCApplied, LCIssued, LCAdvised, LCTransferred, LCAccepted, ExportCleared, Shipped, DocumentsPresented, Honoured)
	advised := walk(t, LCApplied, LCIssued, LCAdvised)
	for _, c := range []struct {
		name  string
		s     State
		org   string
		words string
	}{
		{"only the transferring bank transfers", advised, ImporterBank, "only ExporterBankMSP"},
		{"no transfer before the advice", walk(t, LCApplied, LCIssued), ExporterBank, "needs LC_ADVISED first"},
		{"transferred once", advised.After(LCTransferred), ExporterBank, "happens once"},
		{"no transfer after a presentation", walk(t, LCApplied, LCIssued, LCAdvised, ExportCleared, Shipped, DocumentsPresented), ExporterBank, "cannot follow DOCUMENTS_PRESENTED"},
	} {
		if err := Check(LCTransferred, c.s, c.org); err == nil || !strings.Contains(err.Error(), c.words) {
			t.Errorf("%s: %v, want %q", c.name, err, c.words)
		}
	}
}

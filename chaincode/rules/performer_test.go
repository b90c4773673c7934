package rules

import (
	"strings"
	"testing"
)

// UCP 600 Art. 8(a): a presentation made to the confirming bank is honoured by it, so its
// organisation (ExporterBankMSP, the advising bank that confirmed) commits HONOURED; the issuing
// bank's still commits an honour of its own; nobody else does, and the confirming bank's only
// once its confirmation is on the ledger.
func TestHonourCommittedByTheBankThatHonoured(t *testing.T) {
	if got := CommittingOrg(Honoured, true); got != ExporterBank {
		t.Errorf("honour by the confirming bank committed by %s, want %s", got, ExporterBank)
	}
	if got := CommittingOrg(Honoured, false); got != ImporterBank {
		t.Errorf("honour by the issuing bank committed by %s, want %s", got, ImporterBank)
	}
	if got := CommittingOrg(DocumentsPresented, true); got != EntitledOrg(DocumentsPresented) {
		t.Errorf("a step the confirming bank does not perform in its own name moved to %s", got)
	}
	if !MayCommit(Honoured, ExporterBank) || !MayCommit(Honoured, ImporterBank) || MayCommit(Honoured, Customs) || MayCommit(Settled, ExporterBank) {
		t.Error("MayCommit: HONOURED is the issuing or the confirming bank's, SETTLED the issuing bank's only")
	}
	confirmed := walk(t, LCApplied, LCIssued, LCAdvised, LCConfirmed, ExportCleared, Shipped, DocumentsPresented)
	if err := Check(Honoured, confirmed, ExporterBank); err != nil {
		t.Errorf("the confirming bank's honour refused: %v", err)
	}
	if err := Check(Honoured, confirmed, ImporterBank); err != nil {
		t.Errorf("the issuing bank's honour of a confirmed credit refused: %v", err)
	}
	unconfirmed := walk(t, LCApplied, LCIssued, LCAdvised, ExportCleared, Shipped, DocumentsPresented)
	for _, c := range []struct {
		s     State
		org   string
		words string
	}{
		{unconfirmed, ExporterBank, "once LC_CONFIRMED is recorded"},
		{confirmed, Customs, "ExporterBankMSP as the confirming bank"},
	} {
		err := Check(Honoured, c.s, c.org)
		if err == nil || !strings.HasPrefix(err.Error(), ErrNotEntitled+":") || !strings.Contains(err.Error(), c.words) {
			t.Errorf("HONOURED by %s: %v, want %s containing %q", c.org, err, ErrNotEntitled, c.words)
		}
	}
}

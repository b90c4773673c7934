package rules

import (
	"strings"
	"testing"
)

// TestReceivedCreditOpensItsTrade: a credit issued outside and registered by its advising bank
// opens its trade with LC_RECEIVED (the advising side's), which stands for the application and
// the issue: the trade runs on to CLOSED; neither LC_APPLIED nor LC_ISSUED may follow it, nor
// may the issuing side commit it, nor may it follow another opening.
func TestReceivedCreditOpensItsTrade(t *testing.T) {
	walk(t, LCReceived, LCAdvised, LCAccepted, ExportCleared, Shipped, LCAmendmentIssued, LCAmended, DocumentsPresented, Honoured, Settled, ImportReleased, Closed)
	walk(t, LCReceived, ExportCleared, Expired)
	received := walk(t, LCReceived)
	for _, c := range []struct {
		next      Type
		s         State
		org       string
		code, say string
	}{
		{LCApplied, received, ImporterBank, ErrOutOfOrder, "must be the first"},
		{LCIssued, received, ImporterBank, ErrOutOfOrder, "already recorded"},
		{LCReceived, received, ExporterBank, ErrOutOfOrder, "must be the first"},
		{LCReceived, walk(t, LCApplied), ExporterBank, ErrOutOfOrder, "must be the first"},
		{LCReceived, State{}, ImporterBank, ErrNotEntitled, "only ExporterBankMSP"},
	} {
		err := Check(c.next, c.s, c.org)
		if err == nil || !strings.HasPrefix(err.Error(), c.code) || !strings.Contains(err.Error(), c.say) {
			t.Errorf("%s after %v by %s: %v, want %s %q", c.next, c.s.Committed, c.org, err, c.code, c.say)
		}
	}
	if EntitledOrg(LCReceived) != ExporterBank {
		t.Errorf("LC_RECEIVED is %s's", EntitledOrg(LCReceived))
	}
}

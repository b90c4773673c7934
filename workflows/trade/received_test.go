package trade

import (
	"fmt"
	"testing"
	"time"
)

// TestAReceivedCreditOpensItsTrade: the advising bank's lc.received.v1 opens the trade — its
// LC_RECEIVED committed as the advising side (ExporterBankMSP), no LC_APPLIED or LC_ISSUED —
// and its presentable-until instant sets the expiry timer, at which the LC service is asked
// (UCP 600 Art. 6(d)(i)); the advice and the acceptance follow as for any credit.
func TestAReceivedCreditOpensItsTrade(t *testing.T) {
	e, calls := env(t)
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, Event{Type: "lc.received.v1", ID: "r", SHA256: sha256Hex("r"), LCID: "ESSESESS.ILC2026-0042", LCExpiry: e.Now().Add(30 * 24 * time.Hour)})
	}, time.Millisecond)
	signal(e, time.Hour, "lc.advised.v1", "adv")
	signal(e, 2*time.Hour, "lc.accepted.v1", "acc")
	st := run(t, e, Input{TradeID: "ESSESESS.ILC2026-0042"})
	want := []string{"LC_RECEIVED@ledger-ExporterBankMSP", "LC_ADVISED@ledger-ExporterBankMSP", "LC_ACCEPTED@ledger-ExporterBankMSP",
		"EXPIRE ESSESESS.ILC2026-0042@lc", "EXPIRED@ledger-ImporterBankMSP"}
	if fmt.Sprint(*calls) != fmt.Sprint(want) || st.Status != StatusExpired || st.LCID != "ESSESESS.ILC2026-0042" || st.Milestones[0].SHA256 != sha256Hex("r") {
		t.Fatalf("calls %v, status %s, credit %s", *calls, st.Status, st.LCID)
	}
}

//go:build !unit

package e2e_test

import (
	"context"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// TestRejectedReimbursementIsDrivenAgainEndToEnd: a confirmed credit whose reimbursement the
// settlement bank rejects (pacs.002 RJCT AM04, insufficient funds: a rejection that may pass by
// itself) is not left running: the trade workflow, told by settlement.payment_failed.v1 of the
// reimbursement, has settlement instruct it again (a new attempt, a new UETR), that attempt
// settles, REIMBURSED is committed and the trade closes with the confirmed credit's milestones
// on the ledger.
func TestRejectedReimbursementIsDrivenAgainEndToEnd(t *testing.T) {
	p := startPlatform(t)
	events := watchTopics(t, p.brokers)
	tradeID := "E2E-" + time.Now().UTC().Format("150405.000") + "-RRJ"
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := p.client(t)
	c.Progress = func(format string, args ...any) { t.Logf("%s: "+format, append([]any{tradeID}, args...)...) }
	r, err := c.Run(ctx, scenario.Trade{ID: tradeID, Today: time.Now().UTC(), Confirmed: true, ReimbursementRejected: "AM04"})
	if err != nil {
		t.Fatal(err)
	}
	checkTimeline(t, r, confirmedPath)
	checkLedger(ctx, t, p, r, events, confirmedPath)
	var pay scenario.Payment
	if err := c.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+r.ReimbursementID, "audra", &pay); err != nil || pay.Status != "settled" {
		t.Fatalf("reimbursement %s: %+v %v, want settled", r.ReimbursementID, pay, err)
	}
}

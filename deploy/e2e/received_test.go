//go:build !unit

package e2e_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// receivedPath is a trade whose credit was issued outside the platform: it opens with the
// advising bank's LC_RECEIVED (the MT700 it received, registered), which stands on the ledger
// for the application and the issue the issuing side took outside; the rest is the happy path.
var receivedPath = slices.Concat([]step{{"LC_RECEIVED", "lc.received.v1", "ExporterBankMSP"}}, happyPath[2:])

// TestReceivedCreditEndToEnd: the advising bank hands in the MT700 it received; the credit is
// registered for advice and its trade's workflow starts; the advising bank advises, the
// beneficiary accepts, customs clears and the goods ship, the documents are presented and
// honoured, settlement pays, the goods are released and the trade closes — every milestone on
// the ledger, read through every peer, committed by the organisation that performed its step.
func TestReceivedCreditEndToEnd(t *testing.T) {
	p := startPlatform(t)
	events := watchTopics(t, p.brokers)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := p.client(t)
	tr := scenario.Trade{ID: fmt.Sprintf("E2E-RECV-%s", time.Now().UTC().Format("150405.000")), Today: time.Now().UTC()}
	w := scenario.NewReceivedWalk(tr)
	for _, s := range []struct {
		name string
		run  func(context.Context, *scenario.Walk) error
	}{
		{"receive MT700", func(ctx context.Context, w *scenario.Walk) error { return c.Receive(ctx, w, tr.ID) }},
		{"advise, accept", c.AdviseAccept}, {"clear export", c.ClearExport}, {"ship", c.Ship},
		{"present", func(ctx context.Context, w *scenario.Walk) error { return c.Present(ctx, w, false) }},
		{"settle", c.Settle}, {"release import", c.ReleaseImport},
	} {
		if err := s.run(ctx, w); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
	}
	r := waitClosed(ctx, t, c, w.Result)
	checkTimeline(t, r, receivedPath)
	checkLedger(ctx, t, p, r, events, receivedPath)
}

//go:build !unit

package e2e_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/inprocess"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	lcapp "github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// TestMixedPaymentCreditEndToEnd walks over HTTP on the real stack a credit available by mixed
// payment (MT700 41a BY MIXED PYMT, 42M "40 PCT AT SIGHT, 60 PCT ON <maturity>"): at the honour
// the sight instalment is paid at once and the rest becomes a deferred payment undertaking (UCP
// 600 Art. 2, "honour" (a), (b)); settlement pays each instalment on its own, the deferred one
// only at the maturity; the honour's SETTLED is on the ledger once both are paid, and the trade
// closes with the happy path's milestones.
func TestMixedPaymentCreditEndToEnd(t *testing.T) {
	payable, maturity, cals := maturityCalendar(t, time.Now().Add(usanceLead))
	p := startPlatform(t, func(cfg *inprocess.Config) { cfg.LC = func(s *lcapp.Settings) { s.Policy.Calendars = cals } })
	events := watchTopics(t, p.brokers)
	tradeID := "E2E-" + time.Now().UTC().Format("150405.000") + "-MIX"
	ctx, cancel := context.WithTimeout(context.Background(), usanceLead+4*time.Minute)
	defer cancel()
	cl := p.client(t)
	cl.Progress = func(format string, args ...any) { t.Logf("%s: "+format, append([]any{tradeID}, args...)...) }
	w := scenario.NewWalk(scenario.Trade{ID: tradeID, Today: time.Now().UTC()})
	for _, step := range []func() error{
		func() error {
			return cl.ApplyWith(ctx, w, map[string]any{"by": "BY MIXED PYMT", "mixedPaymentDetails": "40 PCT AT SIGHT, 60 PCT ON " + maturity.String()})
		},
		func() error { return cl.IssueAdviseAccept(ctx, w) },
		func() error { return cl.ClearExport(ctx, w) },
		func() error { return cl.Ship(ctx, w) },
		func() error { return cl.Present(ctx, w, false) },
		func() error { return cl.SettleInstalment(ctx, w, 1) }, // the sight part: at once
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	if left := time.Until(payable); left < 5*time.Second {
		t.Fatalf("the sight instalment settled %s before the maturity: the walk was slower than the test's lead of %s", left, usanceLead)
	}
	var raised scenario.Payment
	if err := cl.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+w.InstalmentPaymentID(2), "audra", &raised); err != nil || raised.Status != "raised" ||
		raised.Amount.Minor != 50_400_00 {
		t.Fatalf("before the maturity the deferred instalment's payment is %+v, %v; want EUR 50,400.00 raised, not instructed", raised, err)
	}
	var sight scenario.Payment
	if err := cl.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+w.InstalmentPaymentID(1), "audra", &sight); err != nil || sight.Amount.Minor != 33_600_00 {
		t.Fatalf("the sight instalment's payment: %+v, %v; want EUR 33,600.00", sight, err)
	}
	tl, err := cl.Timeline(ctx, tradeID)
	if err != nil || slices.ContainsFunc(tl.Milestones, func(m tradeview.Milestone) bool { return m.Name == "SETTLED" }) {
		t.Fatalf("SETTLED before the honour is paid in full: %v %v", tl.Milestones, err)
	}
	if err := cl.SettleInstalment(ctx, w, 2); err != nil {
		t.Fatal(err)
	}
	if early := time.Until(payable); early > 0 {
		t.Fatalf("the deferred instalment was instructed %s before its maturity", early)
	}
	if err := cl.ReleaseImport(ctx, w); err != nil {
		t.Fatal(err)
	}
	r := w.Result
	if r.Timeline, err = cl.AwaitClosed(ctx, tradeID); err != nil {
		t.Fatal(err)
	}
	if r.Timeline.Status != "CLOSED" {
		t.Fatalf("trade %s: %s", tradeID, r.Timeline.Status)
	}
	t.Logf("trade %s closed with %d milestones", tradeID, len(r.Timeline.Milestones))
	checkLedger(ctx, t, p, r, events, happyPath)
	checkServices(ctx, t, p, r)
}

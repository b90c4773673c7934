//go:build !unit

package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/inprocess"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	lcapp "github.com/tradefin/tradefin/services/lc/app"
)

// discountedPath is a usance credit's happy path with the nominated bank's discount of the
// accepted draft between the honour and the maturity payment (UCP 600 Art. 12(b)).
var discountedPath = slices.Concat(happyPath[:8], []step{{"UNDERTAKING_DISCOUNTED", "lc.undertaking_discounted.v1", "ExporterBankMSP"}}, happyPath[8:])

// TestDiscountedAcceptanceEndToEnd walks a credit available with the advising bank by
// acceptance, maturing about usanceLead ahead (maturityCalendar), over HTTP on the real stack:
// honoured as an accepted draft, the advising bank (ana), the nominated bank, discounts it before
// maturity (UCP 600 Art. 12(b)). The beneficiary's proceeds, below the face, are paid by the
// advising bank and settle before the maturity; at the maturity the issuing bank's payment of the
// face goes to the advising bank (no beneficiary account in its pacs.009) and settles; the ledger
// holds UNDERTAKING_DISCOUNTED (by ExporterBankMSP) before SETTLED, read through every peer, and
// the trade closes.
func TestDiscountedAcceptanceEndToEnd(t *testing.T) {
	payable, maturity, cals := maturityCalendar(t, time.Now().Add(usanceLead))
	p := startPlatform(t, func(cfg *inprocess.Config) { cfg.LC = func(s *lcapp.Settings) { s.Policy.Calendars = cals } })
	events := watchTopics(t, p.brokers)
	tradeID := "DISCOUNT-" + time.Now().UTC().Format("150405.000")
	ctx, cancel := context.WithTimeout(context.Background(), usanceLead+4*time.Minute)
	defer cancel()
	cl := p.client(t)
	cl.Progress = func(format string, args ...any) { t.Logf("%s: "+format, append([]any{tradeID}, args...)...) }
	w := scenario.NewWalk(scenario.Trade{ID: tradeID, Today: time.Now().UTC()})
	for _, step := range []func() error{
		func() error {
			return cl.ApplyWith(ctx, w, map[string]any{"by": "BY ACCEPTANCE", "draftsAt": "ON " + maturity.String(), "drawee": "ESSESESS"})
		},
		func() error { return cl.IssueAdviseAccept(ctx, w) },
		func() error { return cl.ClearExport(ctx, w) },
		func() error { return cl.Ship(ctx, w) },
		func() error { return cl.Present(ctx, w, false) },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	checkUndertaking(ctx, t, cl, w, "ACCEPTED_DRAFT", "42C", maturity, payable)
	awaitHonouredMilestone(ctx, t, cl, tradeID)

	proceeds, msg, err := cl.Discount(ctx, w, 500)
	if err != nil {
		t.Fatal(err)
	}
	if left := time.Until(payable); left <= 0 {
		t.Fatalf("the proceeds settled %s after the maturity: the walk was slower than the test's lead of %s", -left, usanceLead)
	} else {
		t.Logf("the proceeds settled %s before the maturity", left.Round(time.Second))
	}
	if proceeds.Status != "settled" || proceeds.Amount.Currency.Code() != "EUR" || proceeds.Amount.Minor <= 0 || proceeds.Amount.Minor >= 84_000_00 {
		t.Fatalf("the proceeds' payment: %+v, want settled below the face EUR 84,000.00", proceeds)
	}
	if s := compact(msg); !strings.Contains(s, "<Dbtr><FinInstnId><BICFI>BCOMPTPL</BICFI>") || !strings.Contains(s, "/ACC/PT50000201231234567890154") {
		t.Errorf("the proceeds' pacs.009 is not the advising bank's payment to the beneficiary's account:\n%s", s)
	}
	var face scenario.Payment
	if err := cl.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+tradeID+":"+w.LCID+":P-1", "audra", &face); err != nil || face.Status != "raised" {
		t.Fatalf("before the maturity the face's payment is %+v, %v; want raised, not instructed", face, err)
	}
	if err := cl.Settle(ctx, w); err != nil { // waits for the workflow to instruct it at maturity
		t.Fatal(err)
	}
	if early := time.Until(payable); early > 0 {
		t.Fatalf("the face was instructed %s before its maturity", early)
	}
	if err := cl.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+tradeID+":"+w.LCID+":P-1", "audra", &face); err != nil || face.Status != "settled" || face.Amount.Minor != 84_000_00 {
		t.Fatalf("the face's payment at maturity: %+v, %v", face, err)
	}
	faceMsg, err := cl.Pacs009(ctx, tradeID+":"+w.LCID+":P-1")
	if s := compact(faceMsg); err != nil || !strings.Contains(s, "<Cdtr><FinInstnId><BICFI>BCOMPTPL</BICFI>") || strings.Contains(s, "/ACC/") {
		t.Errorf("the face's pacs.009 does not pay the advising bank itself (%v):\n%s", err, s)
	}
	if err := cl.ReleaseImport(ctx, w); err != nil {
		t.Fatal(err)
	}
	r := w.Result
	if r.Timeline, err = cl.AwaitClosed(ctx, tradeID); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	scenario.Print(&out, r.Timeline)
	t.Logf("trade %s closed\n%s", tradeID, out.String())
	checkTimeline(t, r, discountedPath)
	checkLedger(ctx, t, p, r, events, discountedPath)
	names := fmt.Sprint(r.Timeline.Milestones)
	if d, s := strings.Index(names, "UNDERTAKING_DISCOUNTED"), strings.Index(names, "SETTLED"); d < 0 || s < d {
		t.Errorf("UNDERTAKING_DISCOUNTED is not before SETTLED: %s", names)
	}
}

// compact is an XML message without its indentation, to look for elements in.
func compact(msg []byte) string { return strings.Join(strings.Fields(string(msg)), "") }

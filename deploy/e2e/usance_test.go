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
	"github.com/tradefin/tradefin/services/lc/domain"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// usanceLead is how far ahead the test's maturity is: time enough to walk each trade to its
// honour on a loaded machine, and to see the payment wait.
const usanceLead = 120 * time.Second

// TestUsanceCreditsPayAtMaturity walks two usance credits over HTTP on the real stack, one
// available by acceptance of a draft, one by deferred payment, both maturing on a fixed date:
// the honour is the accepted draft or the deferred payment undertaking (UCP 600 Art. 2, "honour"
// (b), (c)) with its maturity, committed as HONOURED at once; the trade workflow's timer holds
// the payment until the maturity, then settlement pays and the trade closes with every milestone
// on the ledger. The LC service's banking calendar of Lisbon runs in a time zone whose next day
// starts usanceLead from now, so the maturity date (that day) is payable then.
func TestUsanceCreditsPayAtMaturity(t *testing.T) {
	walkUsanceCredits(t, []usanceCredit{
		{"A by acceptance", "ACCEPTED_DRAFT", "42C", func(on string) map[string]any {
			return map[string]any{"by": "BY ACCEPTANCE", "draftsAt": on, "drawee": "ESSESESS"}
		}},
		{"D by deferred payment", "DEFERRED_PAYMENT", "42P", func(on string) map[string]any {
			return map[string]any{"by": "BY DEF PAYMENT", "deferredPaymentDetails": on}
		}},
	})
}

// TestNegotiationCreditPaysAtMaturity walks a credit available by negotiation of usance drafts
// with the advising bank (41a, the default "with") as TestUsanceCreditsPayAtMaturity walks its
// credits: the bank it is available with does not negotiate, so the issuing bank honours by
// accepting the draft (Art. 7(a)(v)), and pays at maturity; a nominated bank's purchase is
// TestDiscountedAcceptanceEndToEnd's. A test of its own, so its walk has the lead to itself.
func TestNegotiationCreditPaysAtMaturity(t *testing.T) {
	walkUsanceCredits(t, []usanceCredit{
		{"N by negotiation", "ACCEPTED_DRAFT", "42C", func(on string) map[string]any {
			return map[string]any{"by": "BY NEGOTIATION", "draftsAt": on, "drawee": "ESSESESS"}
		}},
	})
}

// usanceCredit is one credit walkUsanceCredits walks: its undertaking at honour, the MT754's
// tenor field, and its availability (41a/42C/42P) given the tenor ("ON <maturity>").
type usanceCredit struct {
	name, undertaking, tenorField string
	availability                  func(tenor string) map[string]any
}

// walkUsanceCredits walks each credit at once to its honour, then checks that the payment waits
// for the maturity, is instructed at it, and the trade closes with every milestone on the ledger.
func walkUsanceCredits(t *testing.T, credits []usanceCredit) {
	t.Helper()
	payable, maturity, cals := maturityCalendar(t, time.Now().Add(usanceLead))
	p := startPlatform(t, func(cfg *inprocess.Config) { cfg.LC = func(s *lcapp.Settings) { s.Policy.Calendars = cals } })
	events := watchTopics(t, p.brokers)
	stamp := time.Now().UTC().Format("150405.000")
	for _, c := range credits {
		tradeID := fmt.Sprintf("USANCE-%s-%s", stamp, c.name[:1])
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), usanceLead+4*time.Minute)
			defer cancel()
			cl := p.client(t)
			cl.Progress = func(format string, args ...any) { t.Logf("%s: "+format, append([]any{tradeID}, args...)...) }
			w := scenario.NewWalk(scenario.Trade{ID: tradeID, Today: time.Now().UTC()})
			for _, step := range []func() error{
				func() error { return cl.ApplyWith(ctx, w, c.availability("ON "+maturity.String())) },
				func() error { return cl.IssueAdviseAccept(ctx, w) },
				func() error { return cl.ClearExport(ctx, w) },
				func() error { return cl.Ship(ctx, w) },
				func() error { return cl.Present(ctx, w, false) },
			} {
				if err := step(); err != nil {
					t.Fatal(err)
				}
			}
			checkUndertaking(ctx, t, cl, w, c.undertaking, c.tenorField, maturity, payable)
			if left := time.Until(payable); left < 10*time.Second {
				t.Fatalf("honoured %s before the maturity: the walk was slower than the test's lead of %s", left, usanceLead)
			} else {
				t.Logf("honoured %s before the maturity", left.Round(time.Second))
			}
			tl := awaitHonouredMilestone(ctx, t, cl, tradeID)
			if pay := tl.Payment; pay == nil || pay.State != "awaiting-maturity" || pay.MaturityDate != maturity.String() || pay.PayableAt == nil || !pay.PayableAt.Equal(payable) {
				t.Fatalf("before the maturity the workflow's payment is %+v, want awaiting-maturity until %s", tl.Payment, payable)
			}
			var raised scenario.Payment
			if err := cl.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+tradeID+":"+w.LCID+":P-1", "audra", &raised); err != nil || raised.Status != "raised" {
				t.Fatalf("before the maturity settlement's payment is %+v, %v; want raised, not instructed", raised, err)
			}
			if err := cl.Settle(ctx, w); err != nil { // waits for the workflow to instruct it
				t.Fatal(err)
			}
			if early := time.Until(payable); early > 0 {
				t.Fatalf("the payment was instructed %s before its maturity", early)
			}
			if err := cl.ReleaseImport(ctx, w); err != nil {
				t.Fatal(err)
			}
			var err error
			r := w.Result
			if r.Timeline, err = cl.AwaitClosed(ctx, tradeID); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			scenario.Print(&out, r.Timeline)
			t.Logf("trade %s closed\n%s", tradeID, out.String())
			checkTimeline(t, r, happyPath)
			checkLedger(ctx, t, p, r, events, happyPath)
			checkServices(ctx, t, p, r)
		})
	}
}

// maturityCalendar is a banking calendar of Lisbon in a time zone whose next day starts at at,
// open every day but one that is neither that day nor the one before: the maturity date is that
// day, payable from its start.
func maturityCalendar(t *testing.T, at time.Time) (time.Time, domain.Date, domain.Calendars) {
	t.Helper()
	at = at.UTC().Truncate(time.Second)
	// The zone is always east of UTC (0 < offset ≤ 24 h), so the calendar's date of the
	// presentation (now, just before at) is never before the UTC date the walk dates its
	// documents with: a zone west of UTC made every presentation before noon UTC carry
	// documents dated after it, found discrepant (UCP 600 Art. 14(i)).
	offset := 24*3600 - (at.Hour()*3600 + at.Minute()*60 + at.Second())
	zone := time.FixedZone("TEST-MATURITY", offset)
	local := at.In(zone)
	cal, err := domain.NewCalendar("Lisbon", zone, []time.Weekday{(local.Weekday() + 3) % 7}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return at, domain.NewDate(local.Year(), local.Month(), local.Day()), domain.NewCalendars(cal)
}

// checkUndertaking: the credit shows the honour's undertaking with its maturity; its MT700 states
// the tenor, and the MT754 advises the amount accepted or undertaken (32B) with the maturity.
func checkUndertaking(ctx context.Context, t *testing.T, c *scenario.Client, w *scenario.Walk, kind, tenorField string, maturity domain.Date, payable time.Time) {
	t.Helper()
	var credit struct {
		Status        string `json:"status"`
		Presentations []struct {
			Undertaking *struct {
				Kind         string `json:"kind"`
				MaturityDate string `json:"maturityDate"`
				PayableAt    string `json:"payableAt"`
			} `json:"undertaking"`
		} `json:"presentations"`
		Messages []struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"messages"`
	}
	if err := c.Credit(ctx, w, &credit); err != nil {
		t.Fatal(err)
	}
	if credit.Status != "HONOURED" || len(credit.Presentations) != 1 || credit.Presentations[0].Undertaking == nil {
		t.Fatalf("credit %s after a complying presentation: %+v", w.LCID, credit)
	}
	u := credit.Presentations[0].Undertaking
	if u.Kind != kind || u.MaturityDate != maturity.String() || u.PayableAt != payable.Format(time.RFC3339) {
		t.Errorf("undertaking %+v, want %s maturing %s, payable at %s", u, kind, maturity, payable.Format(time.RFC3339))
	}
	text := func(typ string) string {
		i := slices.IndexFunc(credit.Messages, func(m struct {
			Type string `json:"type"`
			Text string `json:"text"`
		}) bool {
			return m.Type == typ
		})
		if i < 0 {
			return ""
		}
		return credit.Messages[i].Text
	}
	if mt700 := text("MT700"); !strings.Contains(mt700, ":"+tenorField+":ON "+maturity.String()) {
		t.Errorf("the MT700 does not state the tenor in %s:\n%s", tenorField, mt700)
	}
	if mt754 := text("MT754"); !strings.Contains(mt754, ":32B:EUR84000,00") || !strings.Contains(mt754, "MATURITY DATE "+strings.ReplaceAll(maturity.String()[2:], "-", "")) {
		t.Errorf("the MT754 does not advise the undertaking:\n%s", mt754)
	}
}

// awaitHonouredMilestone waits until HONOURED is on the ledger and the workflow holds the payment.
func awaitHonouredMilestone(ctx context.Context, t *testing.T, c *scenario.Client, tradeID string) tradeview.Timeline {
	t.Helper()
	for {
		tl, err := c.Timeline(ctx, tradeID)
		if err == nil && tl.Payment != nil && slices.ContainsFunc(tl.Milestones, func(m tradeview.Milestone) bool { return m.Name == "HONOURED" }) {
			return tl
		}
		select {
		case <-ctx.Done():
			t.Fatalf("HONOURED never committed: %v", ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

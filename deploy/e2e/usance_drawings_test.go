//go:build !unit

package e2e_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/inprocess"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	lcapp "github.com/tradefin/tradefin/services/lc/app"
)

// TestUsanceDrawingsArePaidEachAtMaturity walks over HTTP on the real stack a deferred payment
// credit allowing partial shipments, drawn by two presentations both honoured before the
// maturity: each drawing is its own deferred payment undertaking (UCP 600 Art. 2, "honour" (b);
// Art. 31(a)), and each is paid at the maturity, not before; the ledger holds each drawing's
// SETTLED. Before the workflow's drawing-maturity change the second honour replaced the payment
// the workflow waited for, so the first drawing was never instructed and the walk stalled.
func TestUsanceDrawingsArePaidEachAtMaturity(t *testing.T) {
	payable, maturity, cals := maturityCalendar(t, time.Now().Add(usanceLead+30*time.Second))
	p := startPlatform(t, func(cfg *inprocess.Config) { cfg.LC = func(s *lcapp.Settings) { s.Policy.Calendars = cals } })
	events := watchTopics(t, p.brokers)
	tradeID := "E2E-" + time.Now().UTC().Format("150405.000") + "-UD"
	ctx, cancel := context.WithTimeout(context.Background(), usanceLead+5*time.Minute)
	defer cancel()
	c := p.client(t)
	honouredBoth := false
	c.Progress = func(format string, args ...any) {
		t.Logf("%s: "+format, append([]any{tradeID}, args...)...)
		if name := strings.TrimSpace(fmt.Sprint(args...)); strings.HasPrefix(name, "6.") { // both drawings honoured
			honouredBoth = time.Now().Before(payable)
			// Settlement raises the payment when lc.honoured.v1 reaches it over Kafka, which under
			// the suite's parallel load has lagged the honour: 404 is "not raised yet", asked again.
			var raised scenario.Payment
			var err error
			for range 50 {
				var nf *scenario.Error
				err = c.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+tradeID+":LC-"+tradeID+":P-1", "audra", &raised)
				if !errors.As(err, &nf) || nf.Status != http.StatusNotFound {
					break
				}
				time.Sleep(200 * time.Millisecond)
			}
			if honouredBoth && (err != nil || raised.Status != "raised") {
				t.Errorf("before the maturity the first drawing's payment is %+v, %v; want raised, not instructed", raised, err)
			}
		}
	}
	r, err := c.RunDrawings(ctx, scenario.Trade{ID: tradeID, Today: time.Now().UTC(),
		Availability: map[string]any{"by": "BY DEF PAYMENT", "deferredPaymentDetails": "ON " + maturity.String()}})
	if err != nil {
		t.Fatal(err)
	}
	if !honouredBoth {
		t.Fatalf("the drawings were honoured after the maturity %s: the walk was slower than the test's lead", payable)
	}
	if early := time.Until(payable); early > 0 {
		t.Fatalf("the drawings were paid %s before their maturity", early)
	}
	if tl := r.Timeline; tl.Status != "CLOSED" || len(tl.Pending) != 0 {
		t.Fatalf("status %s, pending %+v", tl.Status, tl.Pending)
	}
	checkDrawingsLedger(ctx, t, p, r.Timeline, events)
}

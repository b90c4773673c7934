package tradeview

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/workflows/trade"
)

// TestTimelineIsNeedToKnow: a trade's parties and the auditor see it; nobody else does; each
// milestone shows who did its step.
func TestTimelineIsNeedToKnow(t *testing.T) {
	ingrid := identity.Stamp{Org: "5493001NORDICIMP0058", User: "ingrid", Client: "tradectl"}
	st := trade.State{TradeID: "T-1", Parties: []string{"5493001NORDICIMP0058", "ESSESESS"},
		Events:     []trade.Event{{Type: "lc.applied.v1", ID: "E-1", Actor: ingrid}},
		Milestones: []trade.Milestone{{Name: "LC_APPLIED", EventID: "E-1"}}}
	tl := timeline(st, Workflow{})
	for _, c := range []struct {
		a    identity.Actor
		want bool
	}{
		{identity.Actor{Org: "5493001NORDICIMP0058", OrgKind: identity.Trader}, true},
		{identity.Actor{Org: "ESSESESS", OrgKind: identity.Bank}, true},
		{identity.Actor{Org: "OTHRGB2L", OrgKind: identity.Bank}, false},
		{identity.Actor{Org: "TRADEREG", OrgKind: identity.Auditor, Roles: []string{identity.RoleAuditor}}, true},
		{identity.Actor{Org: "TRADEREG", OrgKind: identity.Auditor}, false}, // the organisation without the role
		{identity.Actor{}, false},
	} {
		if got := Visible(c.a, tl); got != c.want {
			t.Errorf("%+v sees the trade: %v, want %v", c.a, got, c.want)
		}
	}
	if tl.Milestones[0].Actor != ingrid || tl.Events[0].Actor != ingrid {
		t.Errorf("who acted: %+v / %+v", tl.Milestones[0].Actor, tl.Events[0].Actor)
	}
}

// TestTimelineShowsAFailedPaymentAndAStuckTrade: a payment settlement rejected and the workflow
// instructs again shows as failed and waiting, and a wait the workflow marked stuck makes the
// trade stuck.
func TestTimelineShowsAFailedPaymentAndAStuckTrade(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	st := trade.State{TradeID: "T-2", Status: trade.StatusRunning, EventsReceived: 3000,
		Payment: trade.Instruction{Ref: &contracts.PaymentRef{LCID: "LC", PresentationID: "P-1"}, Status: "instructed", Waiting: true, Failures: 1,
			Failed: &trade.PaymentFailure{EventID: "E-9", Reason: "AC01", At: at}},
		Waits: []trade.Wait{{What: "instruct payment", Since: at, Stuck: true}}}
	tl := timeline(st, Workflow{})
	if tl.Payment == nil || tl.Payment.State != "failed-waiting" || tl.Payment.Failed.Reason != "AC01" || tl.Payment.Failures != 1 {
		t.Fatalf("payment %+v", tl.Payment)
	}
	if !tl.Stuck || len(tl.Waits) != 1 || tl.Waits[0].What != "instruct payment" || tl.EventsReceived != 3000 {
		t.Fatalf("stuck %v, waits %+v, events received %d", tl.Stuck, tl.Waits, tl.EventsReceived)
	}
	st.Waits, st.Payment.Waiting = nil, false
	if tl := timeline(st, Workflow{}); tl.Stuck || tl.Payment.State != "instructed" {
		t.Fatalf("after the correction: stuck %v, payment %+v", tl.Stuck, tl.Payment)
	}
}

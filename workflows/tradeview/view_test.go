package tradeview

import (
	"testing"

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

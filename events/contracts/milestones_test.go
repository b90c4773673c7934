package contracts

import (
	"slices"
	"testing"
)

// Every milestone event is a registered integration event, and the inverse lookup agrees.
func TestMilestoneEventsAreRegisteredTypes(t *testing.T) {
	for typ, m := range milestones {
		if _, ok := types[typ]; !ok {
			t.Errorf("%s stands for %s but is not a registered event type", typ, m)
		}
		if !slices.Contains(MilestoneEvents(m), typ) {
			t.Errorf("MilestoneEvents(%s) = %v, lacks %s", m, MilestoneEvents(m), typ)
		}
	}
	if Milestone("customs.transport_event.v1") != "" || Milestone("nope") != "" {
		t.Error("a non-milestone event maps to a milestone")
	}
	if got := MilestoneEvents("CLOSED"); len(got) != 0 {
		t.Errorf("CLOSED is the workflow's own milestone, no event stands for it: %v", got)
	}
}

func TestTopicsAreTheThreeContexts(t *testing.T) {
	want := []string{"tradefin.customs.v1", "tradefin.lc.v1", "tradefin.settlement.v1"}
	if got := Topics(); !slices.Equal(got, want) {
		t.Fatalf("Topics() = %v, want %v", got, want)
	}
}

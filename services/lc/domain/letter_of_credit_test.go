package domain

import (
	"errors"
	"testing"
	"time"
)

func TestCreditLifecycle(t *testing.T) {
	lc, err := Apply("LC-1", "T-1", credit(), cals)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := present(lc, "P-0", complying(), presentedAt, policy); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("presenting under an unissued credit: %v", err)
	}
	if err := lc.Issue(NewDate(2026, time.November, 2), Stamp{}, FourEyes{}); err != nil {
		t.Fatal(err)
	}
	bad := complying()
	doc(&bad, BillOfLading).OnBoardNotation = false
	res, err := present(lc, "P-1", bad, presentedAt, policy)
	if err != nil || res.Compliant || lc.Status != StatusRefused || lc.Presentations[0].Refusal == nil {
		t.Fatalf("discrepant presentation: %+v %v, status %s", res, err, lc.Status)
	}
	if err := lc.RequestWaiver("P-1", Stamp{Org: importerLEI, User: "ingrid"}, NewDate(2026, time.December, 9), presentedAt); err != nil {
		t.Fatal(err)
	}
	if lc.Status != StatusRefused {
		t.Fatalf("a waiver awaiting the bank's decision leaves the credit refused, not %s", lc.Status)
	}
	if err := lc.DecideWaiver("P-1", true, NewDate(2026, time.December, 9), presentedAt); err != nil {
		t.Fatal(err)
	}
	if lc.Status != StatusHonoured || !lc.Presentations[0].Honoured {
		t.Fatalf("after an accepted waiver: %s", lc.Status)
	}
	// Replaying the recorded events rebuilds the same credit.
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if replayed.Status != lc.Status || len(replayed.Presentations) != 1 || replayed.Presentations[0].Waiver == nil {
		t.Fatalf("replay: %+v", replayed)
	}
}

func TestComplyingPresentationIsHonouredAndRetrySafe(t *testing.T) {
	lc, _ := Apply("LC-2", "T-2", credit(), cals)
	_ = lc.Issue(NewDate(2026, time.November, 2), Stamp{}, FourEyes{})
	if _, err := present(lc, "P-1", complying(), presentedAt, policy); err != nil || lc.Status != StatusHonoured {
		t.Fatalf("complying presentation: %v, %s", err, lc.Status)
	}
	n := len(lc.Changes())
	if res, err := present(lc, "P-1", complying(), presentedAt, policy); err != nil || !res.Compliant || len(lc.Changes()) != n {
		t.Fatalf("a retried presentation must return the first result and record nothing: %v, %d events", err, len(lc.Changes())-n)
	}
}

package domain

import (
	"testing"
	"time"
)

// usanceCredit is credit() issued, available as a.
func usanceCredit(t *testing.T, a Availability) *LetterOfCredit {
	t.Helper()
	terms := credit()
	terms.Availability = a
	lc, err := Apply("LC-U", "T-U", terms, cals)
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(NewDate(2026, time.November, 2), Stamp{}, FourEyes{}); err != nil {
		t.Fatal(err)
	}
	return lc
}

// TestHonourOfAnAcceptanceCreditAcceptsTheDraft: the complying presentation is honoured by
// accepting the draft (UCP 600 Art. 2, "honour" (c)), maturing 90 days after the on-board date;
// undertaking again records nothing, and the stored events rebuild the same undertaking.
func TestHonourOfAnAcceptanceCreditAcceptsTheDraft(t *testing.T) {
	lc := usanceCredit(t, Availability{By: ByAcceptance, DraftsAt: "90 DAYS AFTER B/L DATE", Drawee: "ESSESESS"})
	if res, err := present(lc, "P-1", complying(), presentedAt, policy); err != nil || !res.Compliant {
		t.Fatalf("present: %v %+v", err, res)
	}
	if err := lc.Undertake(policy); err != nil {
		t.Fatal(err)
	}
	want := Undertaking{Kind: AcceptedDraft, Tenor: "90 DAYS AFTER B/L DATE", Drawee: "ESSESESS", On: NewDate(2026, time.December, 9), // honoured on the day the bank decides
		MaturityDate: NewDate(2027, time.March, 1), PayableAt: time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)}
	if u := lc.Presentations[0].Undertaking; u == nil || *u != want {
		t.Fatalf("undertaking %+v, want %+v", u, want)
	}
	n := len(lc.Changes())
	if err := lc.Undertake(policy); err != nil || len(lc.Changes()) != n {
		t.Fatalf("undertaking again: %v, %d events after %d", err, len(lc.Changes()), n)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if u := replayed.Presentations[0].Undertaking; replayed.Status != StatusHonoured || u == nil || *u != want {
		t.Fatalf("replayed: %s, %+v", replayed.Status, u)
	}
}

// TestWaivedDeferredPaymentMaturesFromTheTakingUp: a refused presentation whose waiver the bank
// accepts is honoured on the decision's date, the sight the tenor counts from (ISBP 821 B2).
func TestWaivedDeferredPaymentMaturesFromTheTakingUp(t *testing.T) {
	lc := usanceCredit(t, Availability{By: ByDeferredPayment, DeferredPaymentDetails: "60 DAYS AFTER SIGHT"})
	p := complying()
	doc(&p, BillOfLading).OnBoardNotation = false
	if res, err := present(lc, "P-1", p, presentedAt, policy); err != nil || res.Compliant {
		t.Fatalf("present: %v %+v", err, res)
	}
	if err := lc.Undertake(policy); err != nil || lc.Presentations[0].Undertaking != nil {
		t.Fatalf("a refused presentation undertaken: %v %+v", err, lc.Presentations[0].Undertaking)
	}
	if err := lc.RequestWaiver("P-1", Stamp{Org: importerLEI}, NewDate(2026, time.December, 9), presentedAt); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideWaiver("P-1", true, NewDate(2026, time.December, 10), presentedAt.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := lc.Undertake(policy); err != nil {
		t.Fatal(err)
	}
	u := lc.Presentations[0].Undertaking
	if u == nil || u.Kind != DeferredPaymentUndertaking || u.On != NewDate(2026, time.December, 10) || u.MaturityDate != NewDate(2027, time.February, 8) {
		t.Fatalf("undertaking %+v, want a deferred payment maturing Monday 8 February 2027", u)
	}
}

// TestSightCreditsUndertakeNothing: a sight credit's honour is its payment.
func TestSightCreditsUndertakeNothing(t *testing.T) {
	lc := usanceCredit(t, Availability{})
	if _, err := present(lc, "P-1", complying(), presentedAt, policy); err != nil {
		t.Fatal(err)
	}
	n := len(lc.Changes())
	if err := lc.Undertake(policy); err != nil || len(lc.Changes()) != n || lc.Presentations[0].Undertaking != nil {
		t.Fatalf("a sight credit undertook: %v %+v", err, lc.Presentations[0].Undertaking)
	}
}

package domain

import (
	"testing"
	"time"
)

func TestAmendmentNeedsTheBeneficiarysConsent(t *testing.T) {
	lc, _ := Apply("LC-3", "T-3", credit(), cals)
	_ = lc.Issue(NewDate(2026, time.November, 2), Stamp{}, FourEyes{})
	a, err := lc.Amend(Amendment{Date: NewDate(2026, time.November, 20), NewExpiry: NewDate(2027, time.January, 31), Increase: eurAmount(5_000_00)})
	if err != nil || a.Number != 1 {
		t.Fatal(a, err)
	}
	// Art. 10(b): until accepted, the original terms stay in force.
	if lc.Terms.ExpiryDate != NewDate(2026, time.December, 31) || lc.Terms.Amount.Minor != 100_000_00 {
		t.Fatal("a proposed amendment changed the terms")
	}
	if _, err := lc.Amend(Amendment{NewExpiry: NewDate(2027, time.February, 1)}); err == nil {
		t.Fatal("a second amendment while one awaits an answer")
	}
	if err := lc.AnswerAmendment(1, true, cals); err != nil {
		t.Fatal(err)
	}
	if lc.Terms.ExpiryDate != NewDate(2027, time.January, 31) || lc.Terms.Amount.Minor != 105_000_00 {
		t.Fatalf("accepted amendment not applied: %s %s", lc.Terms.ExpiryDate, lc.Terms.Amount)
	}
	if _, err := lc.Amend(Amendment{Decrease: eurAmount(10_000_00)}); err != nil {
		t.Fatal(err)
	}
	if err := lc.AnswerAmendment(2, false, cals); err != nil || lc.Terms.Amount.Minor != 105_000_00 {
		t.Fatalf("a rejected amendment changed the terms: %v %s", err, lc.Terms.Amount)
	}
	if err := lc.AnswerAmendment(2, true, cals); err == nil {
		t.Fatal("answered twice")
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if replayed.Terms.Amount != lc.Terms.Amount || len(replayed.Amendments) != 2 {
		t.Fatal("replay differs")
	}
}

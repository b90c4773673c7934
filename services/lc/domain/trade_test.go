package domain

import (
	"errors"
	"strings"
	"testing"
)

// TestATradeBelongsToItsFirstCredit: the first credit's claim on its trade ID admits only that
// credit again (a retried application); anyone else's is refused without naming the credit, and
// the same parties' second credit is refused naming the first.
func TestATradeBelongsToItsFirstCredit(t *testing.T) {
	lc, _ := Apply("LC-1", "T-1", credit(), cals)
	first := ClaimOf(lc)
	if err := first.Admits(ClaimOf(lc)); err != nil {
		t.Fatalf("the same application again: %v", err)
	}
	other := credit()
	other.Applicant.ID = outsiderLEI
	intruder, _ := Apply("LC-EVIL", "T-1", other, cals)
	err := first.Admits(ClaimOf(intruder))
	if !errors.Is(err, ErrTradeTaken) || KindOf(err) != KindConflict || strings.Contains(err.Error(), "LC-1") {
		t.Fatalf("another applicant on the trade: %v", err)
	}
	second, _ := Apply("LC-2", "T-1", credit(), cals)
	if err := first.Admits(ClaimOf(second)); KindOf(err) != KindConflict || !strings.Contains(err.Error(), "LC-1") {
		t.Fatalf("a second credit of the same parties: %v", err)
	}
}

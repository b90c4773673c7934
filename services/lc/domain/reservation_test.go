package domain

import (
	"errors"
	"testing"
)

// TestPendingDrawingsReserveTheBalance: two drawings under examination at once may not overdraw
// the credit. The first, pending, reserves its amount: the second, for more than the rest, is
// discrepant (Art. 18(b), 30; 39A), and the examiner may not honour it past what is left. A
// refusal releases its reservation, an honour turns it into the drawn amount.
func TestPendingDrawingsReserveTheBalance(t *testing.T) {
	lc := drawingCredit(t, nil) // EUR 100,000.00, partial shipments allowed
	if res, err := lc.Present("P-1", drawing(600), drawnAt, policy, nil); err != nil || !res.Compliant {
		t.Fatalf("first drawing: %v %+v", err, res.Discrepancies)
	}
	if b := lc.Balance(); b.Reserved.Minor != 60_000_00 || b.Available.Minor != 40_000_00 || b.Drawn.Minor != 0 {
		t.Fatalf("balance with a drawing under examination: %+v", b)
	}
	res, err := lc.Present("P-2", drawing(600), drawnAt, policy, nil)
	if err != nil || res.Compliant || !hasRule(res, "MT700 39A") {
		t.Fatalf("a second drawing over what the pending first leaves: %v %+v", err, res)
	}
	if err := lc.DecideExamination("P-1", ExaminationDecision{Honour: true}, drawnAt, policy); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideExamination("P-2", ExaminationDecision{Honour: true}, drawnAt, policy); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("honouring a drawing past the balance: %v", err)
	}
	if b := lc.Balance(); b.Drawn.Minor != 60_000_00 || b.Reserved.Minor != 60_000_00 || b.Available.Minor != 0 {
		t.Fatalf("balance after the first honour, the second pending: %+v", b)
	}
	if err := lc.DecideExamination("P-2", ExaminationDecision{Disposal: ReturnDocuments}, drawnAt, policy); err != nil {
		t.Fatal(err)
	}
	if b := lc.Balance(); b.Drawn.Minor != 60_000_00 || b.Reserved.Minor != 0 || b.Available.Minor != 40_000_00 {
		t.Fatalf("balance after the refusal released the second: %+v", b)
	}
	if res := draw(t, lc, "P-3", drawing(400)); !res.Compliant || lc.Status != StatusHonoured {
		t.Fatalf("drawing the rest: %+v, %s", res.Discrepancies, lc.Status)
	}
}

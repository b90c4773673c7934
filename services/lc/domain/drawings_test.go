package domain

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// drawingCredit is credit() with partial shipments allowed (MT700 43P ALLOWED; UCP 600 Art.
// 31(a)), issued.
func drawingCredit(t *testing.T, change func(*Terms)) *LetterOfCredit {
	t.Helper()
	terms := credit()
	terms.PartialShipments = Allowed
	if change != nil {
		change(&terms)
	}
	lc, err := Apply("LC-D", "T-D", terms, cals)
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(NewDate(2026, 11, 2), Stamp{}, FourEyes{}); err != nil {
		t.Fatal(err)
	}
	return lc
}

// drawing is complying() for a part shipment of cartons at EUR 100.00 each.
func drawing(cartons int64) Presentation {
	p := complying()
	inv := doc(&p, CommercialInvoice)
	inv.Quantity, inv.Amount = cartons, eurAmount(cartons*100_00)
	doc(&p, PackingList).Quantity = cartons
	return p
}

var drawnAt = time.Date(2026, time.December, 8, 10, 0, 0, 0, time.UTC)

func draw(t *testing.T, lc *LetterOfCredit, id string, p Presentation) Examination {
	t.Helper()
	res, err := present(lc, id, p, drawnAt, policy)
	if err != nil {
		t.Fatalf("present %s: %v", id, err)
	}
	return res
}

func TestDrawingsAgainstTheBalance(t *testing.T) {
	lc := drawingCredit(t, nil)
	if res := draw(t, lc, "P-1", drawing(400)); !res.Compliant {
		t.Fatalf("first drawing refused: %+v", res.Discrepancies)
	}
	if lc.Status != StatusPartlyDrawn {
		t.Fatalf("after a part drawing: %s, want %s", lc.Status, StatusPartlyDrawn)
	}
	if b := lc.Balance(); b.Drawn.Minor != 40_000_00 || b.Available.Minor != 60_000_00 || b.FullyDrawn {
		t.Fatalf("balance after the first drawing: %+v", b)
	}
	// A drawing over the available balance is a discrepancy (Art. 18(b), 30; 39A), refused on its own.
	res := draw(t, lc, "P-2", drawing(700))
	if res.Compliant || !hasRule(res, "MT700 39A") {
		t.Fatalf("a drawing over the balance: %+v", res.Discrepancies)
	}
	if lc.Status != StatusRefused || lc.Balance().Drawn.Minor != 40_000_00 {
		t.Fatalf("after the refused drawing: %s, balance %+v", lc.Status, lc.Balance())
	}
	// The rest drawn: the credit is finished and says so once.
	if res := draw(t, lc, "P-3", drawing(600)); !res.Compliant {
		t.Fatalf("the last drawing refused: %+v", res.Discrepancies)
	}
	if lc.Status != StatusHonoured || !lc.Balance().FullyDrawn || lc.Balance().Available.Minor != 0 {
		t.Fatalf("after drawing the rest: %s, %+v", lc.Status, lc.Balance())
	}
	if n := countEvents(lc, "lc.FullyDrawn"); n != 1 {
		t.Errorf("%d FullyDrawn events, want 1", n)
	}
	if _, err := lc.Present("P-4", drawing(1), drawnAt, policy, nil); !errors.Is(err, ErrInvalidState) {
		t.Errorf("a presentation under a fully drawn credit: %v", err)
	}
	if lc.DrawingRef("P-1") != "P-1" {
		t.Errorf("a drawing's reference is its presentation's ID, got %q", lc.DrawingRef("P-1"))
	}
	// Replayed from its events, the credit has the same balance and status.
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if replayed.Status != lc.Status || replayed.Balance() != lc.Balance() {
		t.Errorf("replayed: %s %+v, want %s %+v", replayed.Status, replayed.Balance(), lc.Status, lc.Balance())
	}
}

// Within 39A's minus tolerance the credit is drawn in full: the rest is tolerance.
func TestFullyDrawnWithinTolerance(t *testing.T) {
	lc := drawingCredit(t, func(tm *Terms) { tm.Tolerance = &Tolerance{PlusPct: 5, MinusPct: 5} })
	draw(t, lc, "P-1", drawing(400))
	if b := lc.Balance(); b.Available.Minor != 65_000_00 {
		t.Fatalf("available with +5%%: %s, want EUR 65000.00", b.Available)
	}
	draw(t, lc, "P-2", drawing(550))
	if lc.Status != StatusHonoured || !lc.Balance().FullyDrawn {
		t.Fatalf("95%% drawn with a 5%% minus tolerance: %s %+v", lc.Status, lc.Balance())
	}
}

// A credit that prohibits partial shipments is drawn once: its honour finishes it, with no
// drawing reference and no FullyDrawn event (the single presentation track).
func TestCreditDrawnOnce(t *testing.T) {
	lc := drawingCredit(t, func(tm *Terms) { tm.PartialShipments = NotAllowed })
	draw(t, lc, "P-1", complying())
	if lc.Status != StatusHonoured || countEvents(lc, "lc.FullyDrawn") != 0 || lc.DrawingRef("P-1") != "" {
		t.Fatalf("%s, %d FullyDrawn, ref %q", lc.Status, countEvents(lc, "lc.FullyDrawn"), lc.DrawingRef("P-1"))
	}
}

// A partly drawn credit expires at its presentable-until instant: the balance is not drawn.
func TestPartlyDrawnCreditExpires(t *testing.T) {
	lc := drawingCredit(t, nil)
	draw(t, lc, "P-1", drawing(400))
	if out := lc.Expire(lc.ExpiresAt().Add(time.Second)); out.Status != ExpiryExpired || lc.Status != StatusExpired {
		t.Fatalf("expiry of a partly drawn credit: %+v, %s", out, lc.Status)
	}
}

func hasRule(res Examination, rule string) bool {
	for _, d := range res.Discrepancies {
		if strings.Contains(d.Rule, rule) {
			return true
		}
	}
	return false
}

func countEvents(lc *LetterOfCredit, name string) int {
	n := 0
	for _, e := range lc.Changes() {
		if e.EventName() == name {
			n++
		}
	}
	return n
}

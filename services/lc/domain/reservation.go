package domain

import (
	"fmt"

	"github.com/tradefin/tradefin/events/money"
)

// Drawings under examination reserve the balance. A presentation queued for the examiner would
// draw its invoice's amount if honoured, so from its presentation until its decision that
// amount is not available to a later drawing (Art. 18(b), 30; MT700 39A): two drawings examined
// at once cannot together overdraw the credit. A refusal releases the reservation; an honour
// turns it into the drawn amount.

// reserved is what the presentations awaiting a decision would draw.
func (lc *LetterOfCredit) reserved() money.Money {
	r := money.New(0, lc.Terms.Amount.Currency)
	for _, p := range lc.Presentations {
		if p.Queued() {
			r.Minor += p.drawing(lc.Terms).Minor
		}
	}
	return r
}

// checkHonourWithinBalance refuses the examiner's honour of drawing id when, with the drawings
// honoured and those presented before it still under examination (which reserved first), it
// would draw more than the credit allows: the bank may waive a discrepancy, it does not
// undertake beyond its credit (Art. 7, 30). A credit drawn once has no balance to share.
func (lc *LetterOfCredit) checkHonourWithinBalance(id string) error {
	if !lc.DrawsSeveral() {
		return nil
	}
	taken := lc.Balance().Drawn
	for _, p := range lc.Presentations {
		if p.ID == id {
			own := p.drawing(lc.Terms)
			if most := lc.Terms.maxAmount(); taken.Minor+own.Minor > most.Minor {
				return fmt.Errorf("honour: %w: drawing %s for %s exceeds the %s left of the credit's %s by the drawings honoured and those under examination before it (UCP 600 Art. 30; MT700 39A)",
					ErrInvalidState, id, own, money.New(max(most.Minor-taken.Minor, 0), most.Currency), lc.Terms.Amount)
			}
			return nil
		}
		if p.Queued() {
			taken.Minor += p.drawing(lc.Terms).Minor
		}
	}
	return nil
}

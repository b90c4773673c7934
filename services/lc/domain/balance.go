package domain

import "github.com/tradefin/tradefin/events/money"

// Balance is what has been drawn under a credit and what is left to draw, in the credit's
// currency (minor units, events/money).
type Balance struct {
	// Drawn is the sum of the honoured drawings: each its commercial invoice's amount, the
	// amount the bank honours and settlement pays (Art. 18(b)).
	Drawn money.Money
	// Available is the most the credit still allows drawn: its 39A plus tolerance, or "about"
	// +10% (Art. 30(a)), less what is drawn and what is reserved; never below zero.
	Available money.Money
	// Reserved is what the presentations under examination would draw (reservation.go).
	Reserved money.Money
	// FullyDrawn: nothing is left to draw. The credit counts as drawn in full once the drawings
	// reach its amount less its 39A minus tolerance (or "about" −10%, Art. 30(a)): the rest is
	// the tolerance, which no drawing is owed.
	FullyDrawn bool
}

// Balance is the credit's drawn and available amount.
func (lc *LetterOfCredit) Balance() Balance {
	drawn := money.New(0, lc.Terms.Amount.Currency)
	for _, p := range lc.Presentations {
		if p.Honoured {
			drawn.Minor += p.drawing(lc.Terms).Minor
		}
	}
	most, reserved := lc.Terms.maxAmount(), lc.reserved()
	available := money.New(max(most.Minor-drawn.Minor-reserved.Minor, 0), most.Currency)
	return Balance{Drawn: drawn, Available: available, Reserved: reserved, FullyDrawn: drawn.Minor >= lc.Terms.minAmount().Minor}
}

// DrawingAmount is what presentation id draws (the credit's amount for an unknown one).
func (lc *LetterOfCredit) DrawingAmount(id string) money.Money {
	for _, p := range lc.Presentations {
		if p.ID == id {
			return p.drawing(lc.Terms)
		}
	}
	return lc.Terms.Amount
}

// drawing is what the presentation draws: its commercial invoice's amount in the credit's
// currency. Without one (a presentation honoured without an invoice in the credit's currency,
// its discrepancy waived) it draws the credit's amount: the bank honoured the credit as a whole.
func (p ExaminedPresentation) drawing(t Terms) money.Money {
	inv, ok := p.Presentation.document(CommercialInvoice)
	if !ok || inv.Amount == nil || inv.Amount.Currency != t.Amount.Currency {
		return t.Amount
	}
	return *inv.Amount
}

package swiftmap

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// undertakenAmount is what a usance honour's MT754 advises in 32B as undertaken: the drawing,
// or for a mixed payment credit (42M) only its deferred instalments, the sight part being paid
// at the honour (UCP 600 Art. 2, "honour" (a), (b)).
func undertakenAmount(p domain.ExaminedPresentation, drawn money.Money) money.Money {
	if len(p.Instalments) == 0 {
		return drawn
	}
	deferred := money.New(0, drawn.Currency)
	for _, it := range p.Instalments {
		if !it.PayableAt.IsZero() {
			deferred.Minor += it.Amount.Minor
		}
	}
	return deferred
}

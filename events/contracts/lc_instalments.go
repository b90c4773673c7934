package contracts

import (
	"fmt"

	"github.com/tradefin/tradefin/events/money"
)

// HonouredInstalment is one instalment of a mixed payment credit's honour (MT700 41a BY MIXED
// PYMT, 42M; UCP 600 Art. 2, "honour" (a) and (b)): the sight part is paid at once (no
// PayableAt), each deferred part at its maturity's start at the place of payment (PayableAt,
// RFC 3339 UTC; MaturityDate YYYY-MM-DD). The instalments' amounts sum to LCHonoured.Amount.
// Optional on lc.honoured.v1: absent for every other credit, whose one payment is the honour's;
// a consumer that knows no instalments pays the whole at LCHonoured.PayableAt, the last
// instalment's maturity, never early.
type HonouredInstalment struct {
	Number       int         `json:"number"` // 1-based, 42M's order
	Amount       money.Money `json:"amount"`
	MaturityDate string      `json:"maturityDate"`
	PayableAt    string      `json:"payableAt,omitempty"`
}

// MaxInstalments bounds an honour's instalments (42M's four lines).
const MaxInstalments = 4

// CheckInstalments checks an lc.honoured.v1's instalments: at most MaxInstalments, numbered 1..n
// in order, in the honour's currency, positive, summing to the honour's amount.
func CheckInstalments(h *LCHonoured) error {
	if len(h.Instalments) == 0 {
		return nil
	}
	if len(h.Instalments) > MaxInstalments {
		return fmt.Errorf("%w: lc.honoured.v1 of %s: %d instalments, at most %d", ErrMalformed, h.LCID, len(h.Instalments), MaxInstalments)
	}
	var sum int64
	for i, in := range h.Instalments {
		if in.Number != i+1 || in.Amount.Currency != h.Amount.Currency || !in.Amount.IsPositive() {
			return fmt.Errorf("%w: lc.honoured.v1 of %s: instalment %d is %d of %s", ErrMalformed, h.LCID, i+1, in.Number, in.Amount)
		}
		sum += in.Amount.Minor
	}
	if sum != h.Amount.Minor {
		return fmt.Errorf("%w: lc.honoured.v1 of %s: instalments sum to %d, the honour is %s", ErrMalformed, h.LCID, sum, h.Amount)
	}
	return nil
}

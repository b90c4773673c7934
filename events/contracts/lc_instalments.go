package contracts

import (
	"fmt"
	"strconv"
	"strings"

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

// InstalmentSuffix marks an instalment payment's presentation ID: the honoured presentation's ID,
// then ":instalment-" and the instalment's number. No LC presentation ID holds a ':' (see
// ReimbursementRef), so it names no other presentation's payment.
const InstalmentSuffix = ":instalment-"

// InstalmentRef names the payment of instalment n of an honoured presentation.
func InstalmentRef(honoured PaymentRef, n int) PaymentRef {
	honoured.PresentationID += InstalmentSuffix + strconv.Itoa(n)
	return honoured
}

// InstalmentOf reads an instalment payment's presentation ID: the honoured presentation and the
// instalment's number; ok false for any other presentation ID.
func InstalmentOf(presentationID string) (presentation string, n int, ok bool) {
	base, num, found := strings.Cut(presentationID, InstalmentSuffix)
	if !found {
		return "", 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > MaxInstalments {
		return "", 0, false
	}
	return base, n, true
}

package bridge

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/workflows/trade"
)

// withMaturity gives the signal of a usance credit's lc.honoured.v1 its maturity: the instant
// the LC service computed on the place of payment's banking calendar, which the workflow's
// maturity timer uses and never recomputes. A sight credit's honour carries none. A maturity
// that is not an RFC 3339 instant and a YYYY-MM-DD date is malformed (poisoned, never retried).
func withMaturity(ev *trade.Event, h *contracts.LCHonoured) error {
	if h.PayableAt == "" && h.MaturityDate == "" {
		return nil
	}
	if err := withInstalments(ev, h); err != nil {
		return err
	}
	at, err := time.Parse(time.RFC3339, h.PayableAt)
	if err == nil {
		_, err = time.Parse(time.DateOnly, h.MaturityDate)
	}
	if err != nil {
		return fmt.Errorf("%w: lc.honoured.v1 of %s: maturity %q payable at %q: %v", contracts.ErrMalformed, h.LCID, h.MaturityDate, h.PayableAt, err)
	}
	ev.PayableAt, ev.MaturityDate = at, h.MaturityDate
	return nil
}

package bridge

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/workflows/trade"
)

// withInstalments gives the signal of a mixed payment credit's lc.honoured.v1 its instalments,
// each with the instant it is payable (none: at once), as the LC service computed them. Ones
// that do not add up to the honour, or whose instant is not RFC 3339, are malformed.
func withInstalments(ev *trade.Event, h *contracts.LCHonoured) error {
	if err := contracts.CheckInstalments(h); err != nil {
		return err
	}
	for _, in := range h.Instalments {
		it := trade.Instalment{Number: in.Number, MaturityDate: in.MaturityDate}
		if in.PayableAt != "" {
			at, err := time.Parse(time.RFC3339, in.PayableAt)
			if err != nil {
				return fmt.Errorf("%w: lc.honoured.v1 of %s: instalment %d payable at %q: %v", contracts.ErrMalformed, h.LCID, in.Number, in.PayableAt, err)
			}
			it.PayableAt = at
		}
		ev.Instalments = append(ev.Instalments, it)
	}
	return nil
}

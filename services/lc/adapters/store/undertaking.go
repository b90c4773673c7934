package store

import (
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// withUndertaking adds a usance presentation's undertaking to its lc.honoured.v1: the honour and
// the undertaking are one act (UCP 600 Art. 2, "honour" (b), (c)), stored in one command, so the
// honour's event carries the maturity and no consumer acts on an honour before knowing it is
// payable later. A sight credit's event is unchanged (u nil).
func withUndertaking(h contracts.LCHonoured, u *domain.Undertaking) contracts.LCHonoured {
	if u != nil {
		h.Undertaking, h.MaturityDate, h.PayableAt = string(u.Kind), u.MaturityDate.String(), instant(u.PayableAt)
	}
	return h
}

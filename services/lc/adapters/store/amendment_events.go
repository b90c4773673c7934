package store

import (
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// amendmentIssued is lc.amendment_issued.v1 for the credit's amendment number: the issuing bank
// bound by it (UCP 600 Art. 10(b)), the LC_AMENDMENT_ISSUED milestone.
func amendmentIssued(lc *domain.LetterOfCredit, number int, by identity.Stamp) contracts.LCAmendmentIssued {
	a := lc.Amendments[number-1]
	return contracts.LCAmendmentIssued{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, Amendment: number, Fields: a.Fields(),
		RequestedBy: a.RequestedBy.Org}
}

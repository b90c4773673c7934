package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestForwardedUnderReserveIsStored: the forwarding under reserve has its stored record.
func TestForwardedUnderReserveIsStored(t *testing.T) {
	recordtest.Run[*domain.LetterOfCredit, domain.Event](t, credits, domain.ForwardedUnderReserve{PresentationID: "P-1", By: "BCOMPTPL",
		On: domain.NewDate(2026, 12, 2), Discrepancies: []domain.Discrepancy{{Rule: "UCP 600 Art. 18(a)(i)", Message: "invoice not issued by the beneficiary"}}})
}

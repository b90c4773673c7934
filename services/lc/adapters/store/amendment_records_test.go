package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/lc/domain"
)

func TestAmendmentStepsHaveStoredRecords(t *testing.T) {
	recordtest.Run[*domain.LetterOfCredit, domain.Event](t, credits, domain.AmendmentRequested{}, domain.AmendmentIssued{},
		domain.AmendmentDeclined{}, domain.AmendmentAdvised{})
}

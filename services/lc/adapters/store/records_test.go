package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/lc/domain"
)

func TestEveryEventHasAStoredRecord(t *testing.T) {
	recordtest.Run[*domain.LetterOfCredit, domain.Event](t, credits, domain.Applied{}, domain.IssueRequested{}, domain.Issued{}, domain.DocumentsExamined{}, domain.PresentationRefused{},
		domain.WaiverRequested{}, domain.WaiverRejected{}, domain.DiscrepanciesWaived{}, domain.Honoured{}, domain.Advised{}, domain.Accepted{},
		domain.AmendmentProposed{}, domain.AmendmentAnswered{}, domain.CancellationProposed{}, domain.CancellationAnswered{}, domain.Expired{}, domain.TradeClaimed{},
		domain.UndertakingIncurred{}, domain.CreditReceived{},
		domain.Confirmed{}, domain.ReimbursementClaimed{})
}

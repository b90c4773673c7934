package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/lc/domain"
)

func TestTransferEventsHaveStoredRecords(t *testing.T) {
	recordtest.Run[*domain.LetterOfCredit, domain.Event](t, credits, domain.TransferAsked{}, domain.CreditTransferred{},
		domain.TransferredDocumentsPresented{}, domain.InvoiceSubstituted{}, domain.SubstitutionDemanded{}, domain.PresentedAsReceived{},
		domain.TransferredAmendmentAdvised{}, domain.TransferredAmendmentAnswered{})
}

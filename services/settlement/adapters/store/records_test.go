package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

func TestEveryEventHasAStoredRecord(t *testing.T) {
	recordtest.Run[*domain.Payment, domain.Event](t, payments, domain.PaymentRaised{}, domain.ReleaseRequested{}, domain.ReleaseApproved{},
		domain.PaymentDisputed{}, domain.PaymentInstructed{}, domain.PaymentSettled{}, domain.PaymentFailed{}, domain.PaymentReversed{})
}

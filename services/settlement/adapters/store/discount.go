package store

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// paymentAssignedRecord is settlement.PaymentAssigned version 1: the maturity payment assigned
// to the nominated bank that discounted the undertaking (UCP 600 Art. 12(b)).
type paymentAssignedRecord struct {
	To      string         `json:"To"`
	EventID string         `json:"EventID"`
	Actor   identity.Stamp `json:"Actor"`
	At      time.Time      `json:"At"`
}

func (r paymentAssignedRecord) Event() domain.Event { return domain.PaymentAssigned(r) }

// discountProceedsOutcome reports whether e is the outcome (settled or failed) of a discount's
// proceeds payment, which publishes neither: settlement.payment_settled.v1 stands for SETTLED,
// the maturity payment's milestone, and settlement.payment_failed.v1 drives the maturity payment
// again in the trade workflow. A rejected proceeds payment is the nominated bank's to correct
// (its payments officer, the correction API), as any rejected payment.
func discountProceedsOutcome(p *domain.Payment, e domain.Event) bool {
	switch e.(type) {
	case domain.PaymentSettled, domain.PaymentFailed:
		return p.Obligation.Purpose == domain.PurposeDiscount
	}
	return false
}

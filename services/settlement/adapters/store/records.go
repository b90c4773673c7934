package store

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// The stored formats of a payment's events, separate from the domain events so that changing a
// domain struct cannot change what is stored. Version 1 of each is the shape streams were first
// written in (the Go field names); a format that changes gets an upcaster from its old versions
// in formats below. A field added later (an instruction's CreditorAccount, an outcome's UETR) is
// optional: records written before it read with it empty, as the domain expects. (The nested
// value objects — obligation, rate record, posting entry — are still stored in their domain shape.)
type (
	paymentRaisedRecord struct {
		Obligation domain.Obligation `json:"Obligation"`
		Actor      identity.Stamp    `json:"Actor"`
		At         time.Time         `json:"At"`
	}
	releaseRequestedRecord struct {
		Actor identity.Stamp `json:"Actor"`
		At    time.Time      `json:"At"`
	}
	releaseApprovedRecord struct {
		Actor identity.Stamp `json:"Actor"`
		At    time.Time      `json:"At"`
	}
	paymentDisputedRecord struct {
		EventID   string            `json:"EventID"`
		Contested domain.Obligation `json:"Contested"`
		Fields    []string          `json:"Fields"`
		Actor     identity.Stamp    `json:"Actor"`
		At        time.Time         `json:"At"`
	}
	paymentInstructedRecord struct {
		Actor           identity.Stamp     `json:"Actor"`
		MsgID           string             `json:"MsgID"`
		EndToEndID      string             `json:"EndToEndID"`
		UETR            string             `json:"UETR"`
		Credited        money.Money        `json:"Credited"`
		Rate            *domain.RateRecord `json:"Rate"`
		Postings        []domain.Entry     `json:"Postings"`
		PostingID       string             `json:"PostingID"`
		SettlementDate  string             `json:"SettlementDate"`
		CreditorAccount string             `json:"CreditorAccount,omitempty"`
		At              time.Time          `json:"At"`
	}
	paymentSettledRecord struct {
		Actor      identity.Stamp `json:"Actor"`
		StatusCode string         `json:"StatusCode"`
		UETR       string         `json:"UETR,omitempty"`
		At         time.Time      `json:"At"`
	}
	paymentFailedRecord struct {
		Actor  identity.Stamp `json:"Actor"`
		Reason string         `json:"Reason"`
		UETR   string         `json:"UETR,omitempty"`
		At     time.Time      `json:"At"`
	}
	paymentReversedRecord struct {
		Actor     identity.Stamp `json:"Actor"`
		PostingID string         `json:"PostingID"`
		Postings  []domain.Entry `json:"Postings"`
		At        time.Time      `json:"At"`
	}
	instructionCorrectedRecord struct {
		Actor           identity.Stamp `json:"Actor"`
		CreditorAccount string         `json:"CreditorAccount"`
		AwaitsApproval  bool           `json:"AwaitsApproval"`
		At              time.Time      `json:"At"`
	}
)

var formats = func() *eventstore.Registry {
	r := eventstore.NewRegistry()
	r.Register("settlement.PaymentRaised", paymentRaisedRecord{})
	r.Register("settlement.ReleaseRequested", releaseRequestedRecord{})
	r.Register("settlement.ReleaseApproved", releaseApprovedRecord{})
	r.Register("settlement.PaymentDisputed", paymentDisputedRecord{})
	r.Register("settlement.PaymentInstructed", paymentInstructedRecord{})
	r.Register("settlement.PaymentSettled", paymentSettledRecord{})
	r.Register("settlement.PaymentFailed", paymentFailedRecord{})
	r.Register("settlement.PaymentReversed", paymentReversedRecord{})
	r.Register("settlement.InstructionCorrected", instructionCorrectedRecord{})
	r.Register("settlement.PaymentAssigned", paymentAssignedRecord{}) // discount.go
	return r
}()

func toRecord(e domain.Event) (aggregate.Record[domain.Event], error) {
	switch e := e.(type) {
	case domain.PaymentRaised:
		return paymentRaisedRecord(e), nil
	case domain.ReleaseRequested:
		return releaseRequestedRecord(e), nil
	case domain.ReleaseApproved:
		return releaseApprovedRecord(e), nil
	case domain.PaymentDisputed:
		return paymentDisputedRecord(e), nil
	case domain.PaymentInstructed:
		return paymentInstructedRecord(e), nil
	case domain.PaymentSettled:
		return paymentSettledRecord(e), nil
	case domain.PaymentFailed:
		return paymentFailedRecord(e), nil
	case domain.PaymentReversed:
		return paymentReversedRecord(e), nil
	case domain.InstructionCorrected:
		return instructionCorrectedRecord(e), nil
	case domain.PaymentAssigned:
		return paymentAssignedRecord(e), nil
	}
	return nil, fmt.Errorf("%w: no stored format for %T", eventstore.ErrUnknownEventType, e)
}

func (r paymentRaisedRecord) Event() domain.Event     { return domain.PaymentRaised(r) }
func (r releaseRequestedRecord) Event() domain.Event  { return domain.ReleaseRequested(r) }
func (r releaseApprovedRecord) Event() domain.Event   { return domain.ReleaseApproved(r) }
func (r paymentDisputedRecord) Event() domain.Event   { return domain.PaymentDisputed(r) }
func (r paymentInstructedRecord) Event() domain.Event { return domain.PaymentInstructed(r) }
func (r paymentSettledRecord) Event() domain.Event    { return domain.PaymentSettled(r) }
func (r paymentFailedRecord) Event() domain.Event     { return domain.PaymentFailed(r) }
func (r paymentReversedRecord) Event() domain.Event   { return domain.PaymentReversed(r) }
func (r instructionCorrectedRecord) Event() domain.Event {
	return domain.InstructionCorrected(r)
}

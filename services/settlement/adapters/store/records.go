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
// domain struct cannot change what is stored: the domain carries no JSON tags
// (TestTheDomainCarriesNoJSONFormat). Version 1 of each is the shape streams were first written
// in (the Go field names), pinned byte for byte by the golden streams in testdata
// (TestStoredEventsMatchTheGoldens); a format that changes gets an upcaster from its old versions
// in formats below. A field added later (an instruction's CreditorAccount, an outcome's UETR) is
// optional: records written before it read with it empty, as the domain expects. The nested value
// objects have record types of their own (obligationRecord, rateRecord, entryRecord); only the
// shared kernel's value types (identity.Stamp, money.Money and Currency, time.Time) are stored in
// their own JSON shape.
// A record with exactly its event's fields converts to it directly; renaming a domain field then
// stops that conversion compiling, and the mapping is written out instead, keeping the stored name.
type (
	paymentRaisedRecord struct {
		Obligation obligationRecord `json:"Obligation"`
		Actor      identity.Stamp   `json:"Actor"`
		At         time.Time        `json:"At"`
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
		EventID   string           `json:"EventID"`
		Contested obligationRecord `json:"Contested"`
		Fields    []string         `json:"Fields"`
		Actor     identity.Stamp   `json:"Actor"`
		At        time.Time        `json:"At"`
	}
	paymentInstructedRecord struct {
		Actor           identity.Stamp `json:"Actor"`
		MsgID           string         `json:"MsgID"`
		EndToEndID      string         `json:"EndToEndID"`
		UETR            string         `json:"UETR"`
		Credited        money.Money    `json:"Credited"`
		Rate            *rateRecord    `json:"Rate"`
		Postings        []entryRecord  `json:"Postings"`
		PostingID       string         `json:"PostingID"`
		SettlementDate  string         `json:"SettlementDate"`
		CreditorAccount string         `json:"CreditorAccount,omitempty"`
		At              time.Time      `json:"At"`
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
		Postings  []entryRecord  `json:"Postings"`
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
		return paymentRaisedRecordOf(e), nil
	case domain.ReleaseRequested:
		return releaseRequestedRecord(e), nil
	case domain.ReleaseApproved:
		return releaseApprovedRecord(e), nil
	case domain.PaymentDisputed:
		return paymentDisputedRecordOf(e), nil
	case domain.PaymentInstructed:
		return paymentInstructedRecordOf(e), nil
	case domain.PaymentSettled:
		return paymentSettledRecord(e), nil
	case domain.PaymentFailed:
		return paymentFailedRecord(e), nil
	case domain.PaymentReversed:
		return paymentReversedRecordOf(e), nil
	case domain.InstructionCorrected:
		return instructionCorrectedRecord(e), nil
	case domain.PaymentAssigned:
		return paymentAssignedRecord(e), nil
	}
	return nil, fmt.Errorf("%w: no stored format for %T", eventstore.ErrUnknownEventType, e)
}

func paymentRaisedRecordOf(e domain.PaymentRaised) paymentRaisedRecord {
	return paymentRaisedRecord{Obligation: obligationRecordOf(e.Obligation), Actor: e.Actor, At: e.At}
}

func (r paymentRaisedRecord) Event() domain.Event {
	return domain.PaymentRaised{Obligation: r.Obligation.obligation(), Actor: r.Actor, At: r.At}
}

func paymentDisputedRecordOf(e domain.PaymentDisputed) paymentDisputedRecord {
	return paymentDisputedRecord{EventID: e.EventID, Contested: obligationRecordOf(e.Contested), Fields: e.Fields, Actor: e.Actor, At: e.At}
}

func (r paymentDisputedRecord) Event() domain.Event {
	return domain.PaymentDisputed{EventID: r.EventID, Contested: r.Contested.obligation(), Fields: r.Fields, Actor: r.Actor, At: r.At}
}

func paymentInstructedRecordOf(e domain.PaymentInstructed) paymentInstructedRecord {
	return paymentInstructedRecord{Actor: e.Actor, MsgID: e.MsgID, EndToEndID: e.EndToEndID, UETR: e.UETR, Credited: e.Credited,
		Rate: rateRecordOf(e.Rate), Postings: entryRecordsOf(e.Postings), PostingID: e.PostingID, SettlementDate: e.SettlementDate,
		CreditorAccount: e.CreditorAccount, At: e.At}
}

func (r paymentInstructedRecord) Event() domain.Event {
	return domain.PaymentInstructed{Actor: r.Actor, MsgID: r.MsgID, EndToEndID: r.EndToEndID, UETR: r.UETR, Credited: r.Credited,
		Rate: r.Rate.rate(), Postings: entriesOf(r.Postings), PostingID: r.PostingID, SettlementDate: r.SettlementDate,
		CreditorAccount: r.CreditorAccount, At: r.At}
}

func paymentReversedRecordOf(e domain.PaymentReversed) paymentReversedRecord {
	return paymentReversedRecord{Actor: e.Actor, PostingID: e.PostingID, Postings: entryRecordsOf(e.Postings), At: e.At}
}

func (r paymentReversedRecord) Event() domain.Event {
	return domain.PaymentReversed{Actor: r.Actor, PostingID: r.PostingID, Postings: entriesOf(r.Postings), At: r.At}
}

func (r releaseRequestedRecord) Event() domain.Event { return domain.ReleaseRequested(r) }
func (r releaseApprovedRecord) Event() domain.Event  { return domain.ReleaseApproved(r) }
func (r paymentSettledRecord) Event() domain.Event   { return domain.PaymentSettled(r) }
func (r paymentFailedRecord) Event() domain.Event    { return domain.PaymentFailed(r) }
func (r instructionCorrectedRecord) Event() domain.Event {
	return domain.InstructionCorrected(r)
}

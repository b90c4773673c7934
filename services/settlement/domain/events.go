package domain

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Event is a domain event recorded by the Payment.
type Event interface{ EventName() string }

// Every event records the identity.Stamp of who acted (organisation, user, client). A payment is
// raised by the honour that obliges it: PaymentRaised carries the actor of lc.honoured.v1.
type PaymentRaised struct {
	Obligation Obligation
	Actor      identity.Stamp
	At         time.Time
}

// ReleaseRequested: the maker asked for a payment above the four-eyes threshold to be released.
type ReleaseRequested struct {
	Actor identity.Stamp
	At    time.Time
}

// ReleaseApproved: the checker, a second user of the debtor bank, approved the release (of the
// payment, or of its corrected instruction).
type ReleaseApproved struct {
	Actor identity.Stamp
	At    time.Time
}

// PaymentInstructed: an attempt was instructed (a pacs.009 sent). Each attempt is one of these,
// numbered in order; the postings are booked anew for each.
type PaymentInstructed struct {
	Actor                   identity.Stamp // the maker below the threshold, the checker above it
	MsgID, EndToEndID, UETR string
	Credited                money.Money
	Rate                    *RateRecord
	Postings                []Entry
	PostingID               string
	SettlementDate          string // YYYY-MM-DD
	CreditorAccount         string // the beneficiary's account the creditor agent credits; "" none named
	At                      time.Time
}

// PaymentSettled: the current attempt reached finality (pacs.002 ACSC/ACCC).
type PaymentSettled struct {
	Actor      identity.Stamp // who reported the status
	StatusCode string         // ACSC or ACCC
	UETR       string         // the attempt's ("" in events recorded before attempts were named)
	At         time.Time
}

// PaymentFailed: the current attempt was rejected (pacs.002 RJCT).
type PaymentFailed struct {
	Actor  identity.Stamp // who reported the status
	Reason string         // ISO 20022 ExternalStatusReason1Code, e.g. AC04
	UETR   string         // the attempt's ("" in events recorded before attempts were named)
	At     time.Time
}

// PaymentReversed: the rejected attempt's postings were reversed by a new posting set.
type PaymentReversed struct {
	Actor     identity.Stamp // who reported the rejection that reversed it
	PostingID string
	Postings  []Entry
	At        time.Time
}

// InstructionCorrected: a payments officer of the debtor bank corrected the instruction of a
// rejected payment (the creditor account). Above the four-eyes threshold it awaits a checker's
// approval before the next attempt is instructed; below it the attempt follows at once.
type InstructionCorrected struct {
	Actor           identity.Stamp
	CreditorAccount string
	AwaitsApproval  bool
	At              time.Time
}

func (PaymentRaised) EventName() string        { return "settlement.PaymentRaised" }
func (ReleaseRequested) EventName() string     { return "settlement.ReleaseRequested" }
func (ReleaseApproved) EventName() string      { return "settlement.ReleaseApproved" }
func (PaymentInstructed) EventName() string    { return "settlement.PaymentInstructed" }
func (PaymentSettled) EventName() string       { return "settlement.PaymentSettled" }
func (PaymentFailed) EventName() string        { return "settlement.PaymentFailed" }
func (PaymentReversed) EventName() string      { return "settlement.PaymentReversed" }
func (InstructionCorrected) EventName() string { return "settlement.InstructionCorrected" }

// Events are an instance of every event type (the store's tests check each has a stored format).
func Events() []Event {
	return []Event{PaymentRaised{}, ReleaseRequested{}, ReleaseApproved{}, PaymentDisputed{}, PaymentAssigned{}, PaymentInstructed{},
		PaymentSettled{}, PaymentFailed{}, PaymentReversed{}, InstructionCorrected{}}
}

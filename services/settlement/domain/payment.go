package domain

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Status of a payment: raised → [awaiting-approval →] instructed → settled | failed → reversed.
// A payment above the four-eyes threshold waits for a second user of the debtor bank between the
// request to release it and its instruction.
type Status string

const (
	StatusRaised           Status = "raised"
	StatusAwaitingApproval Status = "awaiting-approval" // released by a maker, waiting for the checker
	StatusInstructed       Status = "instructed"
	StatusSettled          Status = "settled" // final (pacs.002 ACSC/ACCC): immutable
	StatusFailed           Status = "failed"  // pacs.002 RJCT
	StatusReversed         Status = "reversed"
)

// Obligation is what an honoured LC (lc.honoured.v1) obliges the issuing bank to pay.
type Obligation struct {
	TradeID            string
	LCID               string
	PresentationID     string
	Amount             money.Money
	IssuingBank        string // BIC, debtor agent
	AdvisingBank       string // BIC, creditor agent, receives for the beneficiary
	Beneficiary        string
	BeneficiaryAccount string
	AccountCurrency    money.Currency // zero: same as Amount
}

// PaymentID is derived from the honoured presentation so the same honour event raised twice
// names the same payment: raising is idempotent by construction.
func PaymentID(o Obligation) string { return o.TradeID + ":" + o.LCID + ":" + o.PresentationID }

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

// ReleaseApproved: the checker, a second user of the debtor bank, approved the release.
type ReleaseApproved struct {
	Actor identity.Stamp
	At    time.Time
}

type PaymentInstructed struct {
	Actor                   identity.Stamp // the maker below the threshold, the checker above it
	MsgID, EndToEndID, UETR string
	Credited                money.Money
	Rate                    *RateRecord
	Postings                []Entry
	PostingID               string
	SettlementDate          string // YYYY-MM-DD
	At                      time.Time
}
type PaymentSettled struct {
	Actor      identity.Stamp // who reported the status
	StatusCode string         // ACSC or ACCC
	At         time.Time
}
type PaymentFailed struct {
	Actor  identity.Stamp // who reported the status
	Reason string         // ISO 20022 ExternalStatusReason1Code, e.g. AC04
	At     time.Time
}
type PaymentReversed struct {
	Actor     identity.Stamp // who reported the rejection that reversed it
	PostingID string
	Postings  []Entry
	At        time.Time
}

// RateRecord is the applied FX rate as recorded with the payment.
type RateRecord struct {
	From, To string
	Rate     string // exact decimal
	Source   string
	AsOf     time.Time
	Rounding string
}

func (PaymentRaised) EventName() string     { return "settlement.PaymentRaised" }
func (ReleaseRequested) EventName() string  { return "settlement.ReleaseRequested" }
func (ReleaseApproved) EventName() string   { return "settlement.ReleaseApproved" }
func (PaymentInstructed) EventName() string { return "settlement.PaymentInstructed" }
func (PaymentSettled) EventName() string    { return "settlement.PaymentSettled" }
func (PaymentFailed) EventName() string     { return "settlement.PaymentFailed" }
func (PaymentReversed) EventName() string   { return "settlement.PaymentReversed" }

// Payment is the event-sourced aggregate.
type Payment struct {
	id          string
	version     int
	uncommitted []Event

	Obligation     Obligation
	Status         Status
	MsgID          string
	EndToEndID     string
	UETR           string
	Credited       money.Money
	Rate           *RateRecord
	Postings       PostingSet
	Reversal       *PostingSet
	SettlementDate string
	StatusCode     string
	FailureReason  string
	InstructedAt   time.Time

	RaisedBy     identity.Stamp  // the honour's actor
	Maker        *identity.Stamp // who requested the release of a payment above the threshold
	Checker      *identity.Stamp // who approved it
	InstructedBy identity.Stamp
	Disputes     []string // IDs of the honours that contradicted its terms (PaymentDisputed)
}

// RaisePayment validates the obligation and records PaymentRaised by the honour's actor.
func RaisePayment(o Obligation, by identity.Stamp, now time.Time) (*Payment, error) {
	switch {
	case o.TradeID == "" || o.LCID == "" || o.PresentationID == "":
		return nil, invalid("obligation needs tradeId, lcId and presentationId")
	case !o.Amount.IsPositive():
		return nil, invalid("obligation amount must be positive")
	case !IsBIC(o.IssuingBank) || !IsBIC(o.AdvisingBank):
		return nil, invalid("issuing and advising banks must be BICs (ISO 9362)")
	case len(o.TradeID) > maxID || len(o.LCID) > maxID || len(o.PresentationID) > maxID:
		return nil, invalid("tradeId, lcId and presentationId are at most %d characters", maxID)
	case len(o.Beneficiary) > maxText || len(o.BeneficiaryAccount) > maxIBAN:
		return nil, invalid("beneficiary is at most %d characters, its account at most %d", maxText, maxIBAN)
	}
	p := &Payment{}
	p.record(PaymentRaised{Obligation: o.normalized(), Actor: by, At: now.UTC()})
	return p, nil
}

// Bounds of an obligation's identifiers and texts.
const (
	maxID   = 64
	maxText = 140 // ISO 20022 Max140Text (party name)
	maxIBAN = 34  // ISO 13616
)

// NeedsFX reports whether the beneficiary's account is in another currency.
func (p *Payment) NeedsFX() bool { return p.Obligation.AccountCurrency != p.Obligation.Amount.Currency }

// Instruction is what instructing needs from outside: message identifiers and, when FX applies,
// the quoted rate.
type Instruction struct {
	MsgID, EndToEndID, UETR string
	SettlementDate          time.Time
	Rate                    *Rate
}

// NeedsApproval reports whether releasing the payment needs a second pair of eyes.
func (p *Payment) NeedsApproval(f FourEyes) bool { return f.Exceeds(p.Obligation.Amount) }

// RequestRelease records the maker's request to release a payment above the four-eyes threshold;
// it then waits for Approve. Requesting again while it waits changes nothing.
func (p *Payment) RequestRelease(by identity.Stamp, now time.Time) error {
	switch p.Status {
	case StatusAwaitingApproval:
		return nil
	case StatusRaised:
		if err := p.refuseDisputed(); err != nil {
			return err
		}
		p.record(ReleaseRequested{Actor: by, At: now.UTC()})
		return nil
	}
	return conflict("payment %s is %s, only a raised payment can be released", p.id, p.Status)
}

// Approve records the checker's approval and instructs the payment. That the checker is entitled
// and is not the maker is the authorisation rule's to decide (Authorize, ActApprove).
func (p *Payment) Approve(by identity.Stamp, in Instruction, now time.Time) error {
	if p.Status != StatusAwaitingApproval {
		return conflict("payment %s is %s, not awaiting approval", p.id, p.Status)
	}
	if err := p.refuseDisputed(); err != nil {
		return err
	}
	p.record(ReleaseApproved{Actor: by, At: now.UTC()})
	return p.instruct(in, by, now)
}

// Instruct converts (when needed), books the balanced postings and records the instruction of a
// raised payment. One above the four-eyes threshold f is never instructed on one pair of eyes:
// it goes through RequestRelease and Approve.
func (p *Payment) Instruct(in Instruction, by identity.Stamp, f FourEyes, now time.Time) error {
	if p.Status != StatusRaised {
		return conflict("payment %s is %s, only a raised payment can be instructed", p.id, p.Status)
	}
	if err := p.refuseDisputed(); err != nil {
		return err
	}
	if p.NeedsApproval(f) {
		return conflict("payment %s of %s is above the four-eyes threshold: its release needs approval", p.id, p.Obligation.Amount)
	}
	return p.instruct(in, by, now)
}

func (in Instruction) validate() error {
	if in.MsgID == "" || len(in.MsgID) > 35 || in.EndToEndID == "" || len(in.EndToEndID) > 35 || !IsUUIDv4(in.UETR) {
		return invalid("instruction needs MsgId/EndToEndId (Max35Text) and a UUID v4 UETR")
	}
	return nil
}

func (p *Payment) instruct(in Instruction, by identity.Stamp, now time.Time) error {
	if err := in.validate(); err != nil {
		return err
	}
	credited := p.Obligation.Amount
	var rec *RateRecord
	if p.NeedsFX() {
		if in.Rate == nil || in.Rate.From != p.Obligation.Amount.Currency || in.Rate.To != p.Obligation.AccountCurrency {
			return invalid("payment %s needs a %s/%s rate", p.id, p.Obligation.Amount.Currency, p.Obligation.AccountCurrency)
		}
		c, err := in.Rate.Convert(p.Obligation.Amount)
		if err != nil {
			return err
		}
		credited = c
		rec = &RateRecord{From: in.Rate.From.Code(), To: in.Rate.To.Code(), Rate: in.Rate.Decimal(),
			Source: in.Rate.Source, AsOf: in.Rate.AsOf, Rounding: "half-even"}
	}
	ps, err := PaymentPostings(p.id+":payment", p.Obligation.LCID, p.Obligation.AdvisingBank, p.Obligation.Amount, credited)
	if err != nil {
		return err
	}
	p.record(PaymentInstructed{Actor: by, MsgID: in.MsgID, EndToEndID: in.EndToEndID, UETR: in.UETR, Credited: credited,
		Rate: rec, Postings: ps.Entries(), PostingID: ps.ID(), SettlementDate: in.SettlementDate.UTC().Format(time.DateOnly), At: now.UTC()})
	return nil
}

// ApplyStatus applies a pacs.002 transaction status. ACSC/ACCC make the payment final; RJCT fails
// it and reverses its postings with a new posting set. PDNG/ACSP etc. change nothing. A status for
// a payment already final is accepted only if it repeats the same outcome (idempotent redelivery).
func (p *Payment) ApplyStatus(code, reason string, by identity.Stamp, now time.Time) error {
	switch code {
	case "ACSC", "ACCC":
		switch p.Status {
		case StatusSettled:
			return nil
		case StatusInstructed:
			p.record(PaymentSettled{Actor: by, StatusCode: code, At: now.UTC()})
			return nil
		}
		return conflict("payment %s is %s; cannot settle", p.id, p.Status)
	case "RJCT":
		switch p.Status {
		case StatusFailed, StatusReversed:
			return nil
		case StatusInstructed:
			p.record(PaymentFailed{Actor: by, Reason: reason, At: now.UTC()})
			rev := p.Postings.Reversal(p.id + ":reversal")
			p.record(PaymentReversed{Actor: by, PostingID: rev.ID(), Postings: rev.Entries(), At: now.UTC()})
			return nil
		}
		return conflict("payment %s is %s (final); cannot reject", p.id, p.Status)
	case "ACSP", "ACTC", "ACCP", "PDNG", "RCVD":
		if p.Status == StatusRaised || p.Status == StatusAwaitingApproval {
			return conflict("payment %s was not instructed", p.id)
		}
		return nil
	}
	return invalid("unknown transaction status %q", code)
}

func (p *Payment) record(e Event) {
	p.apply(e)
	p.uncommitted = append(p.uncommitted, e)
}

func (p *Payment) apply(e Event) {
	p.version++
	switch e := e.(type) {
	case PaymentRaised:
		p.id, p.Obligation, p.Status, p.RaisedBy = PaymentID(e.Obligation), e.Obligation, StatusRaised, e.Actor
	case PaymentDisputed:
		p.Disputes = append(p.Disputes, e.EventID)
	case ReleaseRequested:
		maker := e.Actor
		p.Status, p.Maker = StatusAwaitingApproval, &maker
	case ReleaseApproved:
		checker := e.Actor
		p.Checker = &checker
	case PaymentInstructed:
		p.InstructedBy = e.Actor
		p.Status, p.MsgID, p.EndToEndID, p.UETR = StatusInstructed, e.MsgID, e.EndToEndID, e.UETR
		p.Credited, p.Rate, p.SettlementDate, p.InstructedAt = e.Credited, e.Rate, e.SettlementDate, e.At
		p.Postings = PostingSet{id: e.PostingID, entries: e.Postings}
	case PaymentSettled:
		p.Status, p.StatusCode = StatusSettled, e.StatusCode
	case PaymentFailed:
		p.Status, p.FailureReason, p.StatusCode = StatusFailed, e.Reason, "RJCT"
	case PaymentReversed:
		p.Status = StatusReversed
		r := PostingSet{id: e.PostingID, entries: e.Postings}
		p.Reversal = &r
	}
}

// Rebuild replays stored events.
func Rebuild(history []Event) *Payment {
	p := &Payment{}
	for _, e := range history {
		p.apply(e)
	}
	return p
}

func (p *Payment) ID() string           { return p.id }
func (p *Payment) Version() int         { return p.version }
func (p *Payment) Uncommitted() []Event { return p.uncommitted }
func (p *Payment) MarkCommitted()       { p.uncommitted = nil }

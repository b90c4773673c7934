package domain

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Status of a payment: raised → [awaiting-approval →] instructed → settled | failed. A failed
// payment (its attempt rejected, the postings reversed) is instructed again: at once when the
// rejection may pass by itself, else after a payments officer corrects the instruction
// ([awaiting-approval →] instructed, a new attempt). Above the four-eyes threshold a release and
// a correction wait for a second user of the debtor bank.
type Status string

const (
	StatusRaised           Status = "raised"
	StatusAwaitingApproval Status = "awaiting-approval" // released or corrected by a maker, waiting for the checker
	StatusInstructed       Status = "instructed"        // the current attempt awaits its status report
	StatusSettled          Status = "settled"           // final (pacs.002 ACSC/ACCC): immutable
	StatusFailed           Status = "failed"            // the current attempt was rejected (RJCT) and reversed
)

// Obligation is what an honoured LC (lc.honoured.v1) obliges the issuing bank to pay. It stays
// the honour's terms: a correction of the instruction is recorded beside it, never in it, so
// the same honour delivered again still matches.
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
	Purpose            Purpose        // what it pays (reimbursement.go); IssuingBank is its debtor
}

// Payment is the event-sourced aggregate.
type Payment struct {
	id          string
	version     int
	uncommitted []Event

	Obligation  Obligation
	Status      Status
	Attempts    []Attempt    // in order; the last is the current one
	Corrections []Correction // of the instruction, in order

	RaisedBy identity.Stamp  // the honour's actor
	Maker    *identity.Stamp // who requested the release (or correction) awaiting, or last given, four eyes
	Checker  *identity.Stamp // who approved it
	Disputes []string        // IDs of the honours that contradicted its terms (PaymentDisputed)
	// AssignedTo is the nominated bank that discounted the undertaking (discount.go): the
	// payment credits it, not the beneficiary; "" for none.
	AssignedTo string
}

// RaisePayment validates the obligation and records PaymentRaised by the honour's actor.
func RaisePayment(o Obligation, by identity.Stamp, now time.Time) (*Payment, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	if err := checkStamp(by); err != nil {
		return nil, err
	}
	p := &Payment{}
	p.record(PaymentRaised{Obligation: o.normalized(), Actor: by, At: now.UTC()})
	return p, nil
}

// NeedsFX reports whether the beneficiary's account is in another currency.
func (p *Payment) NeedsFX() bool { return p.Obligation.AccountCurrency != p.Obligation.Amount.Currency }

// NeedsApproval reports whether releasing the payment needs a second pair of eyes.
func (p *Payment) NeedsApproval(f FourEyes) bool { return f.Exceeds(p.Obligation.Amount) }

// Current is the attempt instructed last; nil before the first.
func (p *Payment) Current() *Attempt {
	if len(p.Attempts) == 0 {
		return nil
	}
	return &p.Attempts[len(p.Attempts)-1]
}

// CreditorAccount is the account the next attempt credits: the last correction's, else the
// honour's beneficiary account; none when the payment is assigned to the nominated bank, which
// is paid itself (discount.go).
func (p *Payment) CreditorAccount() string {
	if n := len(p.Corrections); n > 0 {
		return p.Corrections[n-1].CreditorAccount
	}
	if p.AssignedTo != "" {
		return ""
	}
	return p.Obligation.BeneficiaryAccount
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
	case PaymentAssigned:
		p.AssignedTo = e.To
	case ReleaseRequested:
		maker := e.Actor
		p.Status, p.Maker, p.Checker = StatusAwaitingApproval, &maker, nil
	case ReleaseApproved:
		checker := e.Actor
		p.Checker = &checker
	case InstructionCorrected:
		p.Corrections = append(p.Corrections, Correction{CreditorAccount: e.CreditorAccount, By: e.Actor, At: e.At})
		if e.AwaitsApproval {
			maker := e.Actor
			p.Status, p.Maker, p.Checker = StatusAwaitingApproval, &maker, nil
		}
	case PaymentInstructed:
		p.Status = StatusInstructed
		p.Attempts = append(p.Attempts, attemptOf(len(p.Attempts)+1, e))
	case PaymentSettled:
		p.Status = StatusSettled
		p.Current().settle(e)
	case PaymentFailed:
		p.Status = StatusFailed
		p.Current().fail(e)
	case PaymentReversed:
		r := PostingSet{id: e.PostingID, entries: e.Postings}
		p.Current().Reversal = &r
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

package domain

import (
	"fmt"
	"time"
)

// Cancellation is the issuing bank's proposal to cancel an irrevocable credit, which takes effect
// only with the beneficiary's consent (UCP 600 Art. 10(a)); a rejected one leaves the credit as it
// was, and the bank may propose again.
type Cancellation struct {
	Reason     string
	ProposedBy Stamp
	ProposedAt time.Time
	Status     string // PROPOSED, ACCEPTED, REJECTED
	AnsweredAt time.Time
}

// The cancellation's events.
type (
	CancellationProposed struct {
		Reason string
		By     Stamp
		At     time.Time
	}
	CancellationAnswered struct {
		Accepted bool
		At       time.Time
	}
)

func (CancellationProposed) EventName() string { return "lc.CancellationProposed" }
func (CancellationAnswered) EventName() string { return "lc.CancellationAnswered" }

// The states of a cancellation, and of an amendment.
const (
	StateProposed = "PROPOSED"
	StateAccepted = "ACCEPTED"
	StateRejected = "REJECTED"
)

// ProposeCancellation is the issuing bank's proposal at instant at. Only a live credit with no
// presentation pending can be cancelled: a presentation made in time is decided first (Art. 16),
// and an honoured, expired or cancelled credit has nothing left to cancel. The same proposal
// again (a retry) changes nothing.
func (lc *LetterOfCredit) ProposeCancellation(reason string, by Stamp, at time.Time) error {
	if c := lc.Cancellation; c != nil && c.Status == StateProposed {
		if c.Reason == reason {
			return nil
		}
		return fmt.Errorf("cancel: %w: a cancellation awaits the beneficiary's answer (UCP 600 Art. 10(a))", ErrInvalidState)
	}
	var b bounds
	b.text("reason", reason, MaxReasonLength)
	if reason == "" {
		b.bad = append(b.bad, FieldError{Field: "reason", Reason: "required: why the credit is to be cancelled"})
	}
	if len(b.bad) > 0 {
		return b.bad
	}
	if err := lc.checkCancellable(at); err != nil {
		return err
	}
	lc.record(CancellationProposed{Reason: reason, By: by, At: at})
	return nil
}

// AnswerCancellation is the beneficiary's answer at instant at (Art. 10(a): the credit can be
// cancelled only with its agreement). Consent cancels the credit; the same answer again changes
// nothing.
func (lc *LetterOfCredit) AnswerCancellation(accepted bool, at time.Time) error {
	c := lc.Cancellation
	switch {
	case c == nil:
		return fmt.Errorf("answer cancellation: %w: no cancellation was proposed", ErrInvalidState)
	case c.Status == StateAccepted && accepted, c.Status == StateRejected && !accepted:
		return nil // a retried answer
	case c.Status != StateProposed:
		return fmt.Errorf("answer cancellation: %w: the cancellation was already %s", ErrInvalidState, c.Status)
	}
	if accepted {
		if err := lc.checkCancellable(at); err != nil {
			return err
		}
	}
	lc.record(CancellationAnswered{Accepted: accepted, At: at})
	return nil
}

// checkCancellable: a live credit with no presentation pending.
func (lc *LetterOfCredit) checkCancellable(at time.Time) error {
	switch lc.Status {
	case StatusHonoured, StatusExpired, StatusCancelled:
		return fmt.Errorf("cancel: %w (%s)", ErrInvalidState, lc.Status)
	}
	if lc.pending(at) {
		return fmt.Errorf("cancel: %w: presentation %s awaits its decision", ErrInvalidState, lc.last().ID)
	}
	return nil
}

func (lc *LetterOfCredit) applyCancellation(e Event) {
	switch e := e.(type) {
	case CancellationProposed:
		lc.Cancellation = &Cancellation{Reason: e.Reason, ProposedBy: e.By, ProposedAt: e.At, Status: StateProposed}
	case CancellationAnswered:
		lc.Cancellation.AnsweredAt = e.At
		if !e.Accepted {
			lc.Cancellation.Status = StateRejected
			return
		}
		lc.Cancellation.Status, lc.Status = StateAccepted, StatusCancelled
	}
}

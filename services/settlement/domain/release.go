package domain

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
)

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

// Approve records the checker's approval of the release (or of the corrected instruction) and
// instructs the attempt. That the checker is entitled and is not the maker is the authorisation
// rule's to decide (Authorize, ActApprove).
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

// Instruct instructs a raised payment's first attempt. One above the four-eyes threshold f is
// never instructed on one pair of eyes: it goes through RequestRelease and Approve.
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

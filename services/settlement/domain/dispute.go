package domain

import (
	"slices"
	"time"

	"github.com/tradefin/tradefin/events/identity"
)

// PaymentDisputed: an honour arrived for this payment's ID with other terms. Two honours that
// contradict each other mean one of them is not what the issuing bank did, so the payment fails
// closed: it is never released or approved while disputed (an operator resolves it out of band).
type PaymentDisputed struct {
	EventID   string     // the contradicting lc.honoured.v1
	Contested Obligation // the terms it carried
	Fields    []string   // the terms that differ
	Actor     identity.Stamp
	At        time.Time
}

func (PaymentDisputed) EventName() string { return "settlement.PaymentDisputed" }

// Dispute records that eventID contested the payment's terms with o. The same event twice, or a
// dispute beyond maxDisputes, records nothing.
func (p *Payment) Dispute(eventID string, o Obligation, by identity.Stamp, now time.Time) error {
	if eventID == "" || len(eventID) > MaxEventID {
		return invalid("a dispute names the contradicting event (at most %d characters)", MaxEventID)
	}
	fields := p.Obligation.TermsDiffer(o)
	if len(fields) == 0 || slices.Contains(p.Disputes, eventID) || len(p.Disputes) >= maxDisputes {
		return nil
	}
	p.record(PaymentDisputed{EventID: eventID, Contested: o.normalized(), Fields: fields, Actor: by, At: now.UTC()})
	return nil
}

// Disputed reports whether a contradicting honour was recorded against the payment.
func (p *Payment) Disputed() bool { return len(p.Disputes) > 0 }

func (p *Payment) refuseDisputed() error {
	if p.Disputed() {
		return conflict("payment %s is disputed by a contradicting honour (%s): it is not released until resolved", p.id, p.Disputes[0])
	}
	return nil
}

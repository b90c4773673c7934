package domain

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Discounting before maturity (UCP 600 Art. 12(b)): the nominated bank prepays or purchases the
// undertaking it accepted or incurred. Two payments follow: the nominated bank pays the
// beneficiary the discounted proceeds now (an obligation of its own, PurposeDiscount, from its
// advance), and at maturity the issuing bank's payment of the honour goes to the nominated bank
// instead of the beneficiary: that payment is assigned to it (PaymentAssigned), beside the
// honour's obligation, never in it, so the same honour delivered again still matches.

// PurposeDiscount: the nominated bank (the obligation's debtor) pays the beneficiary the proceeds
// of the undertaking it discounted.
const PurposeDiscount Purpose = "discount"

// DiscountAccount is the nominated bank's advance on the undertakings it discounted under a
// credit: debited when it pays the proceeds, made good by the face at maturity.
func DiscountAccount(nominatedBIC, lcID string, c money.Currency) string {
	return "discounted-lc:" + nominatedBIC + ":" + lcID + ":" + c.Code()
}

// PaymentAssigned: the honour's payment, due at maturity, is payable to the nominated bank that
// discounted the undertaking (Art. 12(b)); EventID is the discount that said so.
type PaymentAssigned struct {
	To      string // the nominated bank's BIC: creditor agent and creditor
	EventID string
	Actor   identity.Stamp
	At      time.Time
}

func (PaymentAssigned) EventName() string { return "settlement.PaymentAssigned" }

// AssignToNominatedBank makes the payment payable to bic, the nominated bank that discounted its
// undertaking. The same assignment again changes nothing; another bank's, or one after the
// payment was instructed (the maturity passed before the discount was known), is a conflict.
func (p *Payment) AssignToNominatedBank(bic, eventID string, by identity.Stamp, now time.Time) error {
	switch {
	case p.AssignedTo != "" && sameBIC(p.AssignedTo, bic):
		return nil
	case p.AssignedTo != "":
		return conflict("payment %s is assigned to %s, which discounted it: not to %s", p.id, p.AssignedTo, bic)
	case !IsBIC(bic):
		return invalid("a payment is assigned to a bank's BIC (ISO 9362), not %q", bic)
	case p.Status != StatusRaised:
		return conflict("payment %s is %s: its undertaking cannot be discounted after its maturity payment was released", p.id, p.Status)
	}
	if err := checkStamp(by); err != nil {
		return err
	}
	p.record(PaymentAssigned{To: bic, EventID: eventID, Actor: by, At: now.UTC()})
	return nil
}

// CreditorAgent is the bank the payment credits: the nominated bank it is assigned to, else the
// honour's advising bank (for the beneficiary).
func (p *Payment) CreditorAgent() string {
	if p.AssignedTo != "" {
		return p.AssignedTo
	}
	return p.Obligation.AdvisingBank
}

package domain

import (
	"strings"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
)

// Bounds of everything a payment records, so that nothing unbounded reaches the store, a
// message or a log line.
const (
	MaxID        = 64                                       // an LC or presentation ID (a trade ID: contracts.MaxTradeIDLength)
	MaxPaymentID = contracts.MaxTradeIDLength + 2*MaxID + 2 // trade, LC and presentation IDs joined by ':'
	MaxText      = 140                                      // ISO 20022 Max140Text (a party's name)
	MaxAccount   = 34                                       // ISO 13616 IBAN, ISO 20022 Max34Text (another account ID)
	MaxStampPart = 255                                      // an actor's organisation, user or client
	MaxEventID   = 2 * MaxID                                // an integration event's ID (it keys the inbox; a contradicting honour's is recorded in PaymentDisputed)
	maxDisputes  = 16                                       // contradicting honours recorded on one payment
	MaxAttempts  = 10                                       // attempts to instruct one payment; then it is resolved out of band
	maxAutomatic = 5                                        // attempts after which a rejection waits for a person, whatever its reason
)

// PaymentID is derived from the honoured presentation so the same honour event raised twice
// names the same payment: raising is idempotent by construction.
func PaymentID(o Obligation) string { return o.TradeID + ":" + o.LCID + ":" + o.PresentationID }

// CheckPaymentID refuses an ID that cannot name a payment: longer than the bounds allow, or
// whose trade part (up to the first ':') is not a valid trade ID (contracts.CheckTradeID; the
// error wraps contracts.ErrBadTradeID). A well-formed ID may still name no payment.
func CheckPaymentID(id string) error {
	if len(id) > MaxPaymentID {
		return invalid("a payment ID is at most %d characters", MaxPaymentID)
	}
	trade, _, _ := strings.Cut(id, ":")
	if err := contracts.CheckTradeID(trade); err != nil {
		return &Error{Kind: KindInvalid, Msg: "payment ID: " + err.Error(), Cause: err}
	}
	return nil
}

func (o Obligation) validate() error {
	if err := contracts.CheckTradeID(o.TradeID); err != nil {
		return &Error{Kind: KindInvalid, Msg: "obligation: " + err.Error(), Cause: err}
	}
	switch {
	case o.LCID == "" || o.PresentationID == "":
		return invalid("obligation needs tradeId, lcId and presentationId")
	case len(o.LCID) > MaxID || len(o.PresentationID) > MaxID:
		return invalid("lcId and presentationId are at most %d characters", MaxID)
	case !o.Amount.IsPositive():
		return invalid("obligation amount must be positive")
	case !IsBIC(o.IssuingBank) || !IsBIC(o.AdvisingBank):
		return invalid("issuing and advising banks must be BICs (ISO 9362)")
	case len(o.Beneficiary) > MaxText || len(o.BeneficiaryAccount) > MaxAccount:
		return invalid("beneficiary is at most %d characters, its account at most %d", MaxText, MaxAccount)
	}
	return nil
}

// checkStamp bounds what an event records of its actor.
func checkStamp(s identity.Stamp) error {
	if len(s.Org) > MaxStampPart || len(s.User) > MaxStampPart || len(s.Client) > MaxStampPart {
		return invalid("an actor's organisation, user and client are at most %d characters each", MaxStampPart)
	}
	return nil
}

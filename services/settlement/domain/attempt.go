package domain

import (
	"strconv"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Attempt is one instruction of the payment: its own pacs.009 (MsgId, and a UETR of its own, as
// SWIFT gpi tracks each instruction by it), its postings, and its outcome once the pacs.002
// comes. A rejected attempt's postings are reversed and the next attempt books them again.
type Attempt struct {
	Number                  int // from 1
	MsgID, EndToEndID, UETR string
	Credited                money.Money
	Rate                    *RateRecord
	Postings                PostingSet
	SettlementDate          string // YYYY-MM-DD
	CreditorAccount         string
	InstructedBy            identity.Stamp
	InstructedAt            time.Time

	StatusCode string          // the pacs.002's final status: ACSC, ACCC or RJCT; "" while awaited
	Reason     string          // RJCT's ExternalStatusReason1Code
	ReportedBy *identity.Stamp // who reported the final status
	ReportedAt time.Time
	Reversal   *PostingSet // the rejected attempt's postings undone
}

// Rejected reports whether the attempt's status report rejected it.
func (a *Attempt) Rejected() bool { return a.StatusCode == "RJCT" }

func attemptOf(n int, e PaymentInstructed) Attempt {
	return Attempt{Number: n, MsgID: e.MsgID, EndToEndID: e.EndToEndID, UETR: e.UETR, Credited: e.Credited, Rate: e.Rate,
		Postings: PostingSet{id: e.PostingID, entries: e.Postings}, SettlementDate: e.SettlementDate,
		CreditorAccount: e.CreditorAccount, InstructedBy: e.Actor, InstructedAt: e.At}
}

func (a *Attempt) settle(e PaymentSettled) {
	by := e.Actor
	a.StatusCode, a.ReportedBy, a.ReportedAt = e.StatusCode, &by, e.At
}

func (a *Attempt) fail(e PaymentFailed) {
	by := e.Actor
	a.StatusCode, a.Reason, a.ReportedBy, a.ReportedAt = "RJCT", e.Reason, &by, e.At
}

// postingID names an attempt's posting set ("payment" or "reversal"): the first attempt's keep
// the names they had before attempts were numbered, so stored ledgers read the same.
func (p *Payment) postingID(kind string, attempt int) string {
	if attempt == 1 {
		return p.id + ":" + kind
	}
	return p.id + ":" + kind + ":" + strconv.Itoa(attempt)
}

// Instruction is what instructing needs from outside: message identifiers and, when FX applies,
// the quoted rate.
type Instruction struct {
	MsgID, EndToEndID, UETR string
	SettlementDate          time.Time
	Rate                    *Rate
}

func (in Instruction) validate() error {
	if in.MsgID == "" || len(in.MsgID) > 35 || in.EndToEndID == "" || len(in.EndToEndID) > 35 || !IsUUIDv4(in.UETR) {
		return invalid("instruction needs MsgId/EndToEndId (Max35Text) and a UUID v4 UETR")
	}
	return nil
}

// instruct converts (when needed), books the balanced postings and records the next attempt,
// crediting the payment's current creditor account. A new attempt needs new identifiers: the
// MsgId and UETR of an earlier one are refused, so a status report names one attempt only.
func (p *Payment) instruct(in Instruction, by identity.Stamp, now time.Time) error {
	if err := in.validate(); err != nil {
		return err
	}
	if err := p.refuseExhausted(); err != nil {
		return err
	}
	for _, a := range p.Attempts {
		if a.MsgID == in.MsgID || a.UETR == in.UETR {
			return invalid("attempt %d already used MsgId %s or UETR %s", a.Number, in.MsgID, in.UETR)
		}
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
	n := len(p.Attempts) + 1
	ps, err := PaymentPostings(p.postingID("payment", n), p.Obligation.debitAccount(), p.CreditorAgent(), p.Obligation.Amount, credited)
	if err != nil {
		return err
	}
	p.record(PaymentInstructed{Actor: by, MsgID: in.MsgID, EndToEndID: in.EndToEndID, UETR: in.UETR, Credited: credited,
		Rate: rec, Postings: ps.Entries(), PostingID: ps.ID(), SettlementDate: in.SettlementDate.UTC().Format(time.DateOnly),
		CreditorAccount: p.CreditorAccount(), At: now.UTC()})
	return nil
}

// refuseExhausted bounds the attempts of one payment: past MaxAttempts it is resolved out of band.
func (p *Payment) refuseExhausted() error {
	if len(p.Attempts) >= MaxAttempts {
		return conflict("payment %s has had %d attempts, the most one payment is instructed: it is resolved out of band", p.id, MaxAttempts)
	}
	return nil
}

package httpapi

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// The API's own bodies, mapped from the domain (openapi.yaml documents them): the domain's
// types carry no API format, so renaming a domain field changes neither the API nor stored events.

// CorrectionRequest is the body of POST /v1/payments/{id}/correction.
type CorrectionRequest struct {
	CreditorAccount string `json:"creditorAccount"` // the beneficiary's account: IBAN or another account ID, Max34Text
}

// Payment is a payment as the API shows it. The current attempt's fields are at the top level,
// where they were before a payment had attempts; every attempt, in order, is in Attempts.
type Payment struct {
	ID                 string          `json:"id"`
	TradeID            string          `json:"tradeId"`
	LCID               string          `json:"lcId"`
	Status             string          `json:"status"`
	AwaitingCorrection bool            `json:"awaitingCorrection,omitempty"` // failed, and instructed again only once corrected
	Amount             money.Money     `json:"amount"`
	RaisedBy           identity.Stamp  `json:"raisedBy"`             // the honour's actor
	ReleasedBy         *identity.Stamp `json:"releasedBy,omitempty"` // the maker of what four eyes applied to last
	ApprovedBy         *identity.Stamp `json:"approvedBy,omitempty"` // its checker
	Disputed           bool            `json:"disputed,omitempty"`   // a contradicting honour arrived: not released
	*Attempt                           // the current attempt, once instructed
	Attempts           []Attempt       `json:"attempts,omitempty"`
	Corrections        []Correction    `json:"corrections,omitempty"`
}

// Attempt is one instruction of the payment and its outcome.
type Attempt struct {
	Number          int             `json:"attempt"`
	MsgID           string          `json:"msgId"`
	EndToEndID      string          `json:"endToEndId"`
	UETR            string          `json:"uetr"`
	Credited        money.Money     `json:"credited"` // in the beneficiary account's currency
	FX              *Rate           `json:"fx,omitempty"`
	SettlementDate  string          `json:"settlementDate"`
	CreditorAccount string          `json:"creditorAccount,omitempty"`
	Postings        []Entry         `json:"postings"`
	InstructedBy    identity.Stamp  `json:"instructedBy"`
	InstructedAt    time.Time       `json:"instructedAt"`
	StatusCode      string          `json:"statusCode,omitempty"`    // the pacs.002's final status: ACSC, ACCC, RJCT
	FailureReason   string          `json:"failureReason,omitempty"` // RJCT's ExternalStatusReason1Code
	ReportedBy      *identity.Stamp `json:"reportedBy,omitempty"`
	ReportedAt      *time.Time      `json:"reportedAt,omitempty"`
	Reversal        []Entry         `json:"reversal,omitempty"` // the rejected attempt's postings undone
}

// Rate is the FX rate an attempt was converted at, as recorded.
type Rate struct {
	From     string    `json:"from"`
	To       string    `json:"to"`
	Rate     string    `json:"rate"` // exact decimal
	Source   string    `json:"source"`
	AsOf     time.Time `json:"asOf"`
	Rounding string    `json:"rounding"`
}

// Entry is one leg of a posting.
type Entry struct {
	Account string      `json:"account"`
	Side    string      `json:"side"` // debit or credit
	Amount  money.Money `json:"amount"`
}

// Correction is a payments officer's correction of the instruction.
type Correction struct {
	CreditorAccount string         `json:"creditorAccount"`
	By              identity.Stamp `json:"by"`
	At              time.Time      `json:"at"`
}

// Balances is GET /v1/accounts: debits minus credits by account.
type Balances struct {
	Accounts map[string]money.Money `json:"accounts"`
}

func paymentOf(p *domain.Payment) Payment {
	v := Payment{ID: p.ID(), TradeID: p.Obligation.TradeID, LCID: p.Obligation.LCID, Status: string(p.Status),
		AwaitingCorrection: p.AwaitsCorrection(), Amount: p.Obligation.Amount, RaisedBy: p.RaisedBy,
		ReleasedBy: p.Maker, ApprovedBy: p.Checker, Disputed: p.Disputed()}
	for i := range p.Attempts {
		v.Attempts = append(v.Attempts, attemptOf(&p.Attempts[i]))
	}
	if n := len(v.Attempts); n > 0 {
		current := v.Attempts[n-1]
		v.Attempt = &current
	}
	for _, c := range p.Corrections {
		v.Corrections = append(v.Corrections, Correction{CreditorAccount: c.CreditorAccount, By: c.By, At: c.At})
	}
	return v
}

func attemptOf(a *domain.Attempt) Attempt {
	v := Attempt{Number: a.Number, MsgID: a.MsgID, EndToEndID: a.EndToEndID, UETR: a.UETR, Credited: a.Credited,
		SettlementDate: a.SettlementDate, CreditorAccount: a.CreditorAccount, Postings: entriesOf(a.Postings),
		InstructedBy: a.InstructedBy, InstructedAt: a.InstructedAt, StatusCode: a.StatusCode, FailureReason: a.Reason,
		ReportedBy: a.ReportedBy}
	if r := a.Rate; r != nil {
		v.FX = &Rate{From: r.From, To: r.To, Rate: r.Rate, Source: r.Source, AsOf: r.AsOf, Rounding: r.Rounding}
	}
	if !a.ReportedAt.IsZero() {
		at := a.ReportedAt
		v.ReportedAt = &at
	}
	if a.Reversal != nil {
		v.Reversal = entriesOf(*a.Reversal)
	}
	return v
}

func entriesOf(ps domain.PostingSet) []Entry {
	var out []Entry
	for _, e := range ps.Entries() {
		out = append(out, Entry{Account: e.Account, Side: string(e.Side), Amount: e.Amount})
	}
	return out
}

func balancesOf(l domain.Ledger) Balances { return Balances{Accounts: l} }

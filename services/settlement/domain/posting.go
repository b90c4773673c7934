package domain

import (
	"github.com/tradefin/tradefin/events/money"
)

// Side of a ledger entry.
type Side string

const (
	Debit  Side = "debit"
	Credit Side = "credit"
)

// Entry is one leg of a posting: an account debited or credited with a positive amount.
type Entry struct {
	Account string
	Side    Side
	Amount  money.Money
}

// PostingSet is a balanced group of entries. Its fields are unexported so the only way to get
// one is NewPostingSet, which refuses any set whose debits and credits differ in some currency:
// an unbalanced posting set cannot be recorded.
type PostingSet struct {
	id      string
	entries []Entry
}

// NewPostingSet checks that per currency the debits equal the credits.
func NewPostingSet(id string, entries ...Entry) (PostingSet, error) {
	if id == "" || len(entries) < 2 {
		return PostingSet{}, invalid("posting set needs an id and at least two entries")
	}
	net := map[money.Currency]int64{}
	for _, e := range entries {
		if e.Account == "" || !e.Amount.IsPositive() {
			return PostingSet{}, invalid("posting %q: entry needs an account and a positive amount", id)
		}
		switch e.Side {
		case Debit:
			net[e.Amount.Currency] += e.Amount.Minor
		case Credit:
			net[e.Amount.Currency] -= e.Amount.Minor
		default:
			return PostingSet{}, invalid("posting %q: side %q", id, e.Side)
		}
	}
	for c, n := range net {
		if n != 0 {
			return PostingSet{}, invalid("posting %q unbalanced in %s by %d minor units", id, c, n)
		}
	}
	return PostingSet{id: id, entries: append([]Entry(nil), entries...)}, nil
}

// ID of the posting set.
func (p PostingSet) ID() string { return p.id }

// Entries returns a copy of the entries.
func (p PostingSet) Entries() []Entry { return append([]Entry(nil), p.entries...) }

// Reversal is a new posting set swapping every debit and credit: a failed payment's postings are
// undone by reversal, never deleted, so the ledger keeps the history.
func (p PostingSet) Reversal(id string) PostingSet {
	out := make([]Entry, len(p.entries))
	for i, e := range p.entries {
		e.Side = map[Side]Side{Debit: Credit, Credit: Debit}[e.Side]
		out[i] = e
	}
	return PostingSet{id: id, entries: out}
}

// Account names. The paying (issuing) bank holds a vostro for each correspondent and a nostro per
// currency with it; FX legs go through a position account per currency.
func VostroAccount(bic string, c money.Currency) string { return "vostro:" + bic + ":" + c.Code() }
func NostroAccount(bic string, c money.Currency) string { return "nostro:" + bic + ":" + c.Code() }
func PositionAccount(c money.Currency) string           { return "fx-position:" + c.Code() }
func ApplicantAccount(lcID string, c money.Currency) string {
	return "lc-settlement:" + lcID + ":" + c.Code()
}

// PaymentPostings books, from the issuing bank's ledger, the payment of amount to the advising bank
// (credited in credited's currency). Same currency: debit the debit account (the LC settlement
// account, or the confirming bank's advance), credit the advising bank's vostro. Different
// currency: the FX leg goes through position accounts, so each currency balances on its own.
func PaymentPostings(id, debit, advisingBIC string, amount, credited money.Money) (PostingSet, error) {
	if amount.Currency == credited.Currency {
		if amount != credited {
			return PostingSet{}, invalid("same-currency payment credits %s for %s", credited, amount)
		}
		return NewPostingSet(id,
			Entry{debit, Debit, amount},
			Entry{VostroAccount(advisingBIC, amount.Currency), Credit, amount},
		)
	}
	return NewPostingSet(id,
		Entry{debit, Debit, amount},
		Entry{PositionAccount(amount.Currency), Credit, amount},
		Entry{PositionAccount(credited.Currency), Debit, credited},
		Entry{VostroAccount(advisingBIC, credited.Currency), Credit, credited},
	)
}

// Ledger is the account-balance projection: balance = debits - credits per account and currency.
type Ledger map[string]money.Money

// Post applies a posting set.
func (l Ledger) Post(p PostingSet) {
	for _, e := range p.entries {
		b := l[e.Account]
		b.Currency = e.Amount.Currency
		if e.Side == Debit {
			b.Minor += e.Amount.Minor
		} else {
			b.Minor -= e.Amount.Minor
		}
		l[e.Account] = b
	}
}

package store

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// entryRecord is one leg of a posting set (domain.Entry) as stored inside
// settlement.PaymentInstructed and settlement.PaymentReversed.
type entryRecord struct {
	Account string      `json:"account"`
	Side    string      `json:"side"` // debit or credit
	Amount  money.Money `json:"amount"`
}

// entryRecordsOf and entriesOf map a posting set's legs (a set has two at least).
func entryRecordsOf(es []domain.Entry) (out []entryRecord) {
	for _, e := range es {
		out = append(out, entryRecord{Account: e.Account, Side: string(e.Side), Amount: e.Amount})
	}
	return out
}

func entriesOf(rs []entryRecord) (out []domain.Entry) {
	for _, r := range rs {
		out = append(out, domain.Entry{Account: r.Account, Side: domain.Side(r.Side), Amount: r.Amount})
	}
	return out
}

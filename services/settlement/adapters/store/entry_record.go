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

// entryRecordsOf keeps nil as nil, so a posting set reads back as it was recorded.
func entryRecordsOf(es []domain.Entry) []entryRecord {
	if es == nil {
		return nil
	}
	out := make([]entryRecord, len(es))
	for i, e := range es {
		out[i] = entryRecord{Account: e.Account, Side: string(e.Side), Amount: e.Amount}
	}
	return out
}

func entriesOf(rs []entryRecord) []domain.Entry {
	if rs == nil {
		return nil
	}
	out := make([]domain.Entry, len(rs))
	for i, r := range rs {
		out[i] = domain.Entry{Account: r.Account, Side: domain.Side(r.Side), Amount: r.Amount}
	}
	return out
}

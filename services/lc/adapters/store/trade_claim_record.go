package store

import (
	"github.com/tradefin/tradefin/services/lc/domain"
)

// tradeClaimRecord is domain.TradeClaim as stored.
type tradeClaimRecord struct {
	TradeID string             `json:"TradeID"`
	LCID    string             `json:"LCID"`
	Parties tradePartiesRecord `json:"Parties"`
}

func toTradeClaimRecord(v domain.TradeClaim) tradeClaimRecord {
	return tradeClaimRecord{TradeID: v.TradeID, LCID: v.LCID, Parties: toTradePartiesRecord(v.Parties)}
}

func fromTradeClaimRecord(r tradeClaimRecord) domain.TradeClaim {
	return domain.TradeClaim{TradeID: r.TradeID, LCID: r.LCID, Parties: fromTradePartiesRecord(r.Parties)}
}

// tradePartiesRecord is domain.TradeParties as stored.
type tradePartiesRecord struct {
	Applicant    string `json:"Applicant"`
	Beneficiary  string `json:"Beneficiary"`
	IssuingBank  string `json:"IssuingBank"`
	AdvisingBank string `json:"AdvisingBank"`
}

func toTradePartiesRecord(v domain.TradeParties) tradePartiesRecord { return tradePartiesRecord(v) }

func fromTradePartiesRecord(r tradePartiesRecord) domain.TradeParties { return domain.TradeParties(r) }

package store

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// obligationRecord is a domain.Obligation as stored inside settlement.PaymentRaised and
// settlement.PaymentDisputed, under the Go field names streams were first written with. Purpose
// is omitted when it is the honour's (""), as it was in every obligation stored before
// confirmation existed.
type obligationRecord struct {
	TradeID            string         `json:"TradeID"`
	LCID               string         `json:"LCID"`
	PresentationID     string         `json:"PresentationID"`
	Amount             money.Money    `json:"Amount"`
	IssuingBank        string         `json:"IssuingBank"`
	AdvisingBank       string         `json:"AdvisingBank"`
	Beneficiary        string         `json:"Beneficiary"`
	BeneficiaryAccount string         `json:"BeneficiaryAccount"`
	AccountCurrency    money.Currency `json:"AccountCurrency"`
	Purpose            string         `json:"Purpose,omitempty"`
}

func obligationRecordOf(o domain.Obligation) obligationRecord {
	return obligationRecord{TradeID: o.TradeID, LCID: o.LCID, PresentationID: o.PresentationID, Amount: o.Amount, IssuingBank: o.IssuingBank,
		AdvisingBank: o.AdvisingBank, Beneficiary: o.Beneficiary, BeneficiaryAccount: o.BeneficiaryAccount, AccountCurrency: o.AccountCurrency,
		Purpose: string(o.Purpose)}
}

func (r obligationRecord) obligation() domain.Obligation {
	return domain.Obligation{TradeID: r.TradeID, LCID: r.LCID, PresentationID: r.PresentationID, Amount: r.Amount, IssuingBank: r.IssuingBank,
		AdvisingBank: r.AdvisingBank, Beneficiary: r.Beneficiary, BeneficiaryAccount: r.BeneficiaryAccount, AccountCurrency: r.AccountCurrency,
		Purpose: domain.Purpose(r.Purpose)}
}

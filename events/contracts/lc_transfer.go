package contracts

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// LCTransferred: the transferring bank transferred the credit to a second beneficiary (UCP 600
// Art. 38; MT720), who is from then on a party of the trade.
type LCTransferred struct {
	TradeID              string         `json:"tradeId"`
	Actor                identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID                 string         `json:"lcId"`
	TransferringBank     string         `json:"transferringBank"`     // BIC
	SecondBeneficiaryOrg string         `json:"secondBeneficiaryOrg"` // LEI
	SecondBeneficiary    string         `json:"secondBeneficiary"`
	Amount               money.Money    `json:"amount"`     // of the transferred credit (Art. 38(g))
	ExpiryDate           string         `json:"expiryDate"` // YYYY-MM-DD, of the transferred credit
}

// Payee is one who is paid out of an honoured presentation under a transferred credit: the
// second beneficiary its invoice, the first beneficiary the difference (UCP 600 Art. 38(h)).
type Payee struct {
	Org     string      `json:"org"` // LEI
	Name    string      `json:"name"`
	Account string      `json:"account,omitempty"` // IBAN
	Amount  money.Money `json:"amount"`
}

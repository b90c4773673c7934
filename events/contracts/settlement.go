package contracts

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Settlement (services/settlement).

// PaymentInitiated: a payment instruction (ISO 20022 pacs.008/pacs.009) was sent.
type PaymentInitiated struct {
	TradeID   string         `json:"tradeId"`
	Actor     identity.Stamp `json:"actor"` // who acted: organisation, user, client
	PaymentID string         `json:"paymentId"`
	UETR      string         `json:"uetr"`
	Amount    money.Money    `json:"amount"`
}

// PaymentSettled: the payment reached finality (pacs.002 ACSC).
type PaymentSettled struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	PaymentID      string         `json:"paymentId"`
	Amount         money.Money    `json:"amount"`
	CreditedAmount money.Money    `json:"creditedAmount"`   // in the account's currency
	FXRate         string         `json:"fxRate,omitempty"` // exact decimal, when converted
	// PresentationID: the honoured presentation paid (a drawing, drawings.go).
	PresentationID string `json:"presentationId,omitempty"`
}

// PaymentFailed: the payment was rejected (pacs.002 RJCT) and its postings reversed.
type PaymentFailed struct {
	TradeID   string         `json:"tradeId"`
	Actor     identity.Stamp `json:"actor"` // who acted: organisation, user, client
	PaymentID string         `json:"paymentId"`
	Reason    string         `json:"reason"`
}

// Package settlementapi is the portal's adapter to the settlement service's API
// (services/settlement): a payment with its ISO 20022 messages and postings, and the
// settlement bank's pacs.002 status report.
package settlementapi

import (
	"context"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
)

const payments = "/v1/payments"

// API is the settlement service at a base URL.
type API struct{ apiclient.Client }

// New returns the adapter for the settlement service at base.
func New(base string) API { return API{apiclient.New(base)} }

// Entry is one side of a double-entry posting.
type Entry struct {
	Account string      `json:"account"`
	Side    string      `json:"side"` // debit or credit
	Amount  money.Money `json:"amount"`
}

// Payment is GET /v1/payments/{id}.
type Payment struct {
	ID       string       `json:"id"`
	TradeID  string       `json:"tradeId"`
	LCID     string       `json:"lcId"`
	Status   string       `json:"status"` // raised, awaiting-approval, instructed, settled, failed, reversed
	Amount   money.Money  `json:"amount"`
	Credited *money.Money `json:"credited"`
	FX       *struct {
		From, To, Rate string
	} `json:"fx"`
	MsgID          string  `json:"msgId"`
	UETR           string  `json:"uetr"`
	SettlementDate string  `json:"settlementDate"`
	StatusCode     string  `json:"statusCode"`
	Postings       []Entry `json:"postings"`
}

// ID is the payment settlement raises for a credit's honoured presentation.
func ID(tradeID, lcID, presentationID string) string {
	return tradeID + ":" + lcID + ":" + presentationID
}

// Get reads a payment (its banks, the settlement agent, the auditor).
func (a API) Get(ctx context.Context, token, id string) (Payment, error) {
	return apiclient.Call[Payment](ctx, a.Client, token, "GET", apiclient.Path(payments, id), nil)
}

// Pacs009 is the payment's FICdtTrf as XML, once instructed.
func (a API) Pacs009(ctx context.Context, token, id string) ([]byte, error) {
	var b []byte
	err := a.Do(ctx, token, "GET", apiclient.Path(payments, id, "messages", "pacs.009"), "", nil, &b)
	return b, err
}

// ReportStatus applies the settlement agent's pacs.002 for the payment.
func (a API) ReportStatus(ctx context.Context, token string, p Payment, status string) error {
	doc, err := pacs002(p, status)
	if err != nil {
		return err
	}
	return a.Do(ctx, token, "POST", apiclient.Path(payments, p.ID, "status-reports"), "application/xml", doc, nil)
}

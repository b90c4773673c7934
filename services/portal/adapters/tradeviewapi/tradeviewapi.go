// Package tradeviewapi is the portal's adapter to the trade view (the worker's GET
// /v1/trades/{id}): a trade's events and milestones, each with its Fabric transaction, block
// and who acted, as the trade's workflow knows them.
package tradeviewapi

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
)

// API is the trade view at a base URL.
type API struct{ apiclient.Client }

// New returns the adapter for the trade view at base.
func New(base string) API { return API{apiclient.New(base)} }

// Actor is who acted, as the services record it (organisation, user, OAuth client).
type Actor = identity.Stamp

// Timeline is the trade view's answer.
type Timeline struct {
	TradeID    string      `json:"tradeId"`
	Status     string      `json:"status"` // RUNNING, CLOSED, EXPIRED
	Events     []Event     `json:"events"`
	Milestones []Milestone `json:"milestones"`
	Pending    []Milestone `json:"pending"`
	Payment    *struct {
		LCID           string `json:"lcId"`
		PresentationID string `json:"presentationId"`
		Status         string `json:"status"`
	} `json:"payment"`
	Parties  []string `json:"parties"`
	Workflow struct {
		Status    string     `json:"status"`
		CloseTime *time.Time `json:"closeTime"`
	} `json:"workflow"`
}

// Event is an integration event of the trade.
type Event struct {
	Type   string    `json:"type"`
	ID     string    `json:"id"`
	Time   time.Time `json:"time"`
	SHA256 string    `json:"sha256"`
	Actor  Actor     `json:"actor"`
}

// Milestone is a milestone with where it is on the ledger.
type Milestone struct {
	Name    string `json:"name"`
	Org     string `json:"org"` // the MSP that committed it
	EventID string `json:"eventId"`
	SHA256  string `json:"sha256"`
	TxID    string `json:"txId"`
	Block   uint64 `json:"block"`
	Error   string `json:"error"`
	Actor   Actor  `json:"actor"`
}

// Get reads the trade's timeline (404 also for a trade the caller is not party to).
func (a API) Get(ctx context.Context, token, tradeID string) (Timeline, error) {
	return apiclient.Call[Timeline](ctx, a.Client, token, "GET", apiclient.Path("/v1/trades", tradeID), nil)
}

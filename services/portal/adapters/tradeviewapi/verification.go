package tradeviewapi

import (
	"context"

	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
)

// Verification is the worker's GET /v1/trades/{id}/verification (workflows/verification): the
// trade's hash chain recomputed from the ledger, read through peers of other organisations, and
// compared with the services' events, Kafka and the workflow, one link per milestone.
type Verification struct {
	TradeID string   `json:"tradeId"`
	Checked []string `json:"checked"` // the sources compared
	Links   []Link   `json:"lines"`
}

// Link is the verdict on one milestone (Seq 0: one the ledger does not have).
type Link struct {
	Seq       int      `json:"seq"`
	Milestone string   `json:"milestone"`
	Org       string   `json:"org"`
	EventID   string   `json:"eventId"`
	Status    string   `json:"status"` // OK, MISMATCH, PENDING
	Why       []string `json:"why"`    // every disagreement found
}

// Verify asks the worker to verify the trade's chain now (parties and the auditor only).
func (a API) Verify(ctx context.Context, token, tradeID string) (Verification, error) {
	return apiclient.Call[Verification](ctx, a.Client, token, "GET", apiclient.Path("/v1/trades", tradeID, "verification"), nil)
}

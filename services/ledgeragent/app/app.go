// Package app is the ledger agent's one use case: record a milestone — verify that it stands for
// a real event of the agent's organisation, then submit it with the organisation's Fabric key.
package app

import (
	"context"
	"log/slog"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

// Index is what the agent knows of the events published on Kafka.
type Index interface {
	// Trade returns every indexed event of the trade.
	Trade(ctx context.Context, tradeID string) ([]domain.Entry, error)
	// CatchUp returns nil once every event on Kafka at the time of the call is indexed, or an
	// error when that did not happen within the index's own bound.
	CatchUp(ctx context.Context) error
}

// Submit commits a milestone with the organisation's Fabric identity (ledger.Activities'
// RecordMilestone: it continues the request's trace and classifies the chaincode's refusals).
type Submit func(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error)

// SubmitBatch commits milestones of one trade in one transaction (ledger.Activities'
// RecordMilestones): the receipts of those committed, in order.
type SubmitBatch func(ctx context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error)

// App is one organisation's ledger agent.
type App struct {
	Org         string // the MSP ID whose key the agent holds
	Index       Index
	Submit      Submit
	SubmitBatch SubmitBatch
	// AwaitRecorded waits until a milestone is on the trade's chain (ledger.Client's): a
	// pipelined batch starts once the one before it is committed.
	AwaitRecorded func(ctx context.Context, in ledger.RecordInput) error
	Log           *slog.Logger // tagged with the organisation
	Now           func() time.Time
}

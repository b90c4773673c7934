package ledger

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
)

// RecordMilestoneActivity is the name the trade workflow calls the ledger activity by.
const RecordMilestoneActivity = "RecordMilestone"

// RefusalErrorType is the Temporal application-error type of a chaincode refusal: retrying
// cannot help, so the workflow's retry policy lists it as non-retryable.
const RefusalErrorType = "RefusalError"

// UnjustifiedErrorType is the Temporal application-error type of a ledger agent's refusal: the
// milestone does not stand for a real event of the agent's organisation (services/ledgeragent).
// It is never retried.
const UnjustifiedErrorType = "UnjustifiedMilestone"

// TaskQueue is served only by the organisation's ledger agent, the one process holding its
// Fabric key, so each milestone is submitted by the organisation that performed the step: the
// chaincode reads the submitter from the creator's MSP ID and refuses everyone else, and the agent
// signs only milestones that stand for its organisation's own events.
func TaskQueue(mspID string) string { return "ledger-" + mspID }

// RecordInput asks an organisation to commit one milestone.
type RecordInput struct {
	TradeID   string
	Milestone string
	SHA256    string            // of the canonical integration event
	Trace     map[string]string // W3C trace context of the request that caused the milestone
}

// Activities are the ledger activities of one organisation.
type Activities struct{ Ledger *Client }

// RecordMilestone commits the milestone under the trace of the request that caused it, so one
// trace runs from the HTTP request through Kafka and Temporal to the Fabric commit. A refusal is
// returned as a non-retryable error, unless it may pass on retry (see MayPass); anything else
// Temporal retries (recording is idempotent).
func (a Activities) RecordMilestone(ctx context.Context, in RecordInput) (Receipt, error) {
	if len(in.Trace) > 0 {
		ctx = otel.GetTextMapPropagator().Extract(ctx, propagation.MapCarrier(in.Trace))
	}
	r, err := a.Ledger.RecordMilestone(ctx, in.TradeID, in.Milestone, in.SHA256)
	var refusal *RefusalError
	if errors.As(err, &refusal) && !refusal.MayPass() {
		return Receipt{}, temporal.NewNonRetryableApplicationError(refusal.Error(), RefusalErrorType, err, refusal.Code)
	}
	return r, err
}

// NewWorkers returns workers serving the ledger activities of each identity held, one task
// queue per organisation. Start it with Start and stop it with Stop.
func NewWorkers(c client.Client, identities ...*Client) *Workers {
	ws := &Workers{}
	for _, id := range identities {
		w := worker.New(c, TaskQueue(id.MSPID()), worker.Options{})
		w.RegisterActivityWithOptions(Activities{Ledger: id}.RecordMilestone, activity.RegisterOptions{Name: RecordMilestoneActivity})
		ws.workers = append(ws.workers, w)
	}
	return ws
}

// Workers are the ledger workers of a process.
type Workers struct{ workers []worker.Worker }

// Start starts every worker; on failure the ones started are stopped again.
func (ws *Workers) Start() error {
	for i, w := range ws.workers {
		if err := w.Start(); err != nil {
			for _, started := range ws.workers[:i] {
				started.Stop()
			}
			return err
		}
	}
	return nil
}

// Stop stops every worker, waiting for running activities.
func (ws *Workers) Stop() {
	for _, w := range ws.workers {
		w.Stop()
	}
}

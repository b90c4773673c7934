package ledger

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.temporal.io/sdk/temporal"
)

// RecordMilestoneActivity is the name the trade workflow calls the ledger activity by.
const RecordMilestoneActivity = "RecordMilestone"

// RefusalErrorType is the Temporal application-error type of a chaincode refusal: retrying
// cannot help, so the workflow's retry policy lists it as non-retryable.
const RefusalErrorType = "RefusalError"

// PassingRefusalErrorType is the type of a refusal that may pass on retry (RefusalError.MayPass):
// Temporal retries it.
const PassingRefusalErrorType = "RefusalMayPass"

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
	if errors.As(err, &refusal) {
		if refusal.MayPass() {
			// Its own type: returned as it is, the error's type would be its Go type's name,
			// RefusalError, which the workflow's retry policy names as never to retry.
			return Receipt{}, temporal.NewApplicationErrorWithCause(refusal.Error(), PassingRefusalErrorType, err, refusal.Code)
		}
		return Receipt{}, temporal.NewNonRetryableApplicationError(refusal.Error(), RefusalErrorType, err, refusal.Code)
	}
	return r, err
}

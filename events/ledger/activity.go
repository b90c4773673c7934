package ledger

import (
	"context"
	"errors"
	"fmt"
	"time"

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
	// Drawing is the drawing's reference (the presentation's ID) for a milestone of one drawing
	// of a credit drawn by several presentations; "" otherwise (chaincode/rules/drawings.go).
	Drawing string `json:",omitempty"`
}

// Activities are the ledger activities of one organisation.
type Activities struct{ Ledger *Client }

// RecordMilestone commits the milestone under the trace of the request that caused it, so one
// trace runs from the HTTP request through Kafka and Temporal to the Fabric commit. A refusal is
// returned as a non-retryable error, unless it may pass on retry (see MayPass); anything else
// Temporal retries (recording is idempotent).
func (a Activities) RecordMilestone(ctx context.Context, in RecordInput) (Receipt, error) {
	ctx = Traced(ctx, in.Trace)
	r, err := Heartbeating(ctx, func(ctx context.Context) (Receipt, error) {
		return soon(ctx, func(ctx context.Context) (Receipt, error) {
			return a.Ledger.RecordDrawingMilestone(ctx, in.TradeID, in.Milestone, in.Drawing, in.SHA256)
		})
	})
	return r, activityError(err)
}

// Traced continues the W3C trace context a milestone's request carries (RecordInput.Trace).
func Traced(ctx context.Context, carrier map[string]string) context.Context {
	if len(carrier) == 0 {
		return ctx
	}
	return otel.GetTextMapPropagator().Extract(ctx, propagation.MapCarrier(carrier))
}

// activityError is err as the workflow's retry policy reads it: a refusal is non-retryable,
// unless it may pass on retry.
func activityError(err error) error {
	var refusal *RefusalError
	if !errors.As(err, &refusal) {
		return err
	}
	if refusal.MayPass() {
		// Its own type: returned as it is, the error's type would be its Go type's name,
		// RefusalError, which the workflow's retry policy names as never to retry.
		return temporal.NewApplicationErrorWithCause(refusal.Error(), PassingRefusalErrorType, err, refusal.Code)
	}
	return temporal.NewNonRetryableApplicationError(refusal.Error(), RefusalErrorType, err, refusal.Code)
}

// soon runs record, retrying at once (within about a second) what passes in milliseconds: an
// OUT_OF_ORDER from an endorsing peer that has not committed the previous milestone's block yet,
// or an MVCC conflict from one that read the chain's head before it. Left to Temporal, each such
// retry waits the workflow's retry interval (a second) plus two round trips; here it costs the
// few milliseconds the peer needs to catch up.
func soon[T any](ctx context.Context, record func(context.Context) (T, error)) (T, error) {
	wait := 10 * time.Millisecond
	for spent := time.Duration(0); ; spent += wait {
		r, err := record(ctx)
		var refusal *RefusalError
		passes := errors.Is(err, ErrNotCommitted) || (errors.As(err, &refusal) && refusal.MayPass())
		if !passes || spent >= time.Second {
			return r, err
		}
		select {
		case <-ctx.Done():
			return r, err
		case <-time.After(wait):
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// RecordMilestonesActivity is the name of the batched ledger activity: several milestones of one
// trade, consecutive in its chain and all of one organisation, committed in one transaction
// (Client.RecordMilestones). Each is still its own record, hash-linked to the one before, so
// batching changes nothing of what the chain holds; the trade waits for one block instead of one
// a milestone, and the workflow saves a Temporal round trip between them.
const RecordMilestonesActivity = "RecordMilestones"

// RecordMilestones commits the milestones in one transaction and returns the receipts of those
// committed: all of them, or the ones before the first the chaincode refused. When the first is
// refused, it fails as RecordMilestone does, so the retry policy sees the same errors; the
// workflow schedules the rest again, and a refusal among them then comes back on its own.
func (a Activities) RecordMilestones(ctx context.Context, ins []RecordInput) ([]Receipt, error) {
	if err := OneTrade(ins); err != nil || len(ins) == 0 {
		return nil, err
	}
	ctx = Traced(ctx, ins[0].Trace)
	rs, err := Heartbeating(ctx, func(ctx context.Context) ([]Receipt, error) {
		return soon(ctx, func(ctx context.Context) ([]Receipt, error) {
			return a.Ledger.RecordMilestones(ctx, ins[0].TradeID, ins)
		})
	})
	return rs, activityError(err)
}

// OneTrade checks that a batch is of one trade and within MaxBatch: the workflow never asks for
// anything else, so it is non-retryable.
func OneTrade(ins []RecordInput) error {
	if len(ins) > MaxBatch {
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf("a batch is at most %d milestones, got %d", MaxBatch, len(ins)), RefusalErrorType, nil)
	}
	for _, in := range ins {
		if in.TradeID != ins[0].TradeID {
			return temporal.NewNonRetryableApplicationError(fmt.Sprintf("a batch is of one trade: %.128s and %.128s", ins[0].TradeID, in.TradeID), RefusalErrorType, nil)
		}
	}
	return nil
}

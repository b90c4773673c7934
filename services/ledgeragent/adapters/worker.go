package adapters

import (
	"context"
	"errors"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/services/ledgeragent/app"
)

// NewWorker serves the organisation's ledger task queue (ledger-<MSP>): the RecordMilestone
// activity the trade workflow schedules, answered by the agent's verify-then-sign.
func NewWorker(c client.Client, a app.App) worker.Worker {
	w := worker.New(c, ledger.TaskQueue(a.Org), worker.Options{})
	w.RegisterActivityWithOptions(Activity{App: a}.RecordMilestone, activity.RegisterOptions{Name: ledger.RecordMilestoneActivity})
	w.RegisterActivityWithOptions(Activity{App: a}.RecordMilestones, activity.RegisterOptions{Name: ledger.RecordMilestonesActivity})
	w.RegisterActivityWithOptions(Activity{App: a}.RecordMilestonesAfter, activity.RegisterOptions{Name: ledger.RecordAfterActivity})
	return w
}

// Activity is the agent's ledger activity.
type Activity struct{ App app.App }

// RecordMilestone runs under the trace of the request behind the milestone (so the verification
// is in it too). A refusal is a non-retryable application error of type
// ledger.UnjustifiedErrorType naming why; a milestone not justified yet is retried.
func (a Activity) RecordMilestone(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
	ctx = ledger.Traced(ctx, in.Trace)
	r, err := ledger.Heartbeating(ctx, func(ctx context.Context) (ledger.Receipt, error) { return a.App.Record(ctx, in) })
	return r, unjustified(err)
}

// RecordMilestones verifies each milestone of a batch in order and signs those justified in one
// transaction (see ledger.RecordMilestones): the receipts of those committed, or the first one's
// error.
func (a Activity) RecordMilestones(ctx context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error) {
	if err := ledger.OneTrade(ins); err != nil || len(ins) == 0 {
		return nil, err
	}
	ctx = ledger.Traced(ctx, ins[0].Trace)
	rs, err := ledger.Heartbeating(ctx, func(ctx context.Context) ([]ledger.Receipt, error) { return a.App.RecordBatch(ctx, ins) })
	return rs, unjustified(err)
}

// unjustified makes the agent's refusal a non-retryable application error of type
// ledger.UnjustifiedErrorType naming why.
func unjustified(err error) error {
	var refusal *app.Refusal
	if errors.As(err, &refusal) {
		return temporal.NewNonRetryableApplicationError(refusal.Error(), ledger.UnjustifiedErrorType, nil, refusal.Code)
	}
	return err
}

// RecordMilestonesAfter is RecordMilestones once in.After, the last milestone of the batch before
// (another organisation's, scheduled at the same time), is on the trade's chain. Waiting signs
// nothing: each milestone is still verified before it is signed. A predecessor that does not come
// is a non-retryable ledger.PredecessorMissingErrorType: the workflow schedules the batch again.
func (a Activity) RecordMilestonesAfter(ctx context.Context, in ledger.RecordAfterInput) ([]ledger.Receipt, error) {
	if in.After != nil {
		if a.App.AwaitRecorded == nil {
			return nil, errors.New("ledger agent: no ledger to wait on")
		}
		// The wait heartbeats as a commit does (ledger.HeartbeatTimeout is shorter than it may take).
		_, err := ledger.Heartbeating(ctx, func(ctx context.Context) (struct{}, error) { return struct{}{}, a.App.AwaitRecorded(ctx, *in.After) })
		if err != nil {
			if errors.Is(err, ledger.ErrPredecessorMissing) {
				return nil, temporal.NewNonRetryableApplicationError(err.Error(), ledger.PredecessorMissingErrorType, nil)
			}
			return nil, err
		}
	}
	return a.RecordMilestones(ctx, in.Milestones)
}

package trade

import (
	"context"
	"slices"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
	"go.temporal.io/sdk/workflow"
)

// The waits the trade has besides ledger commits ("commit <MILESTONE>").
const (
	waitPayment = "instruct payment"
	waitExpiry  = "expire credit"
)

// startWait records that the trade waits on what from now (a carried wait keeps its start).
func (t *tradeRun) startWait(ctx workflow.Context, what string) {
	if !hasWait(t.st.Waits, what) {
		t.st.Waits = append(t.st.Waits, Wait{What: what, Since: workflow.Now(ctx)})
	}
}

// endWait: the step is done; a stuck one no longer counts in the stuck metric.
func (t *tradeRun) endWait(ctx workflow.Context, what string) {
	i := slices.IndexFunc(t.st.Waits, func(w Wait) bool { return w.What == what })
	if i < 0 {
		return
	}
	stuck := t.st.Waits[i].Stuck
	t.st.Waits = slices.Delete(slices.Clone(t.st.Waits), i, i+1)
	if stuck {
		reportStuck(ctx, -1)
	}
}

func hasWait(ws []Wait, what string) bool {
	return slices.ContainsFunc(ws, func(w Wait) bool { return w.What == what })
}

// watch marks a wait stuck once it is older than StuckAfter, and counts it in the stuck metric.
func (t *tradeRun) watch(ctx workflow.Context) {
	if changeVersion(ctx, stuckWatchChange) >= 1 {
		t.watchWithOneTimer(ctx)
		return
	}
	for {
		var w Wait
		next := func() bool {
			i := slices.IndexFunc(t.st.Waits, func(w Wait) bool { return !w.Stuck })
			if i >= 0 {
				w = t.st.Waits[i]
			}
			return i >= 0
		}
		if err := workflow.Await(ctx, next); err != nil {
			return
		}
		same := func(x Wait) bool { return x.What == w.What && x.Since.Equal(w.Since) }
		if left := w.Since.Add(t.stuckAfter).Sub(workflow.Now(ctx)); left > 0 {
			ended, err := workflow.AwaitWithTimeout(ctx, left, func() bool { return !slices.ContainsFunc(t.st.Waits, same) })
			if err != nil {
				return
			}
			if ended {
				continue
			}
		}
		if i := slices.IndexFunc(t.st.Waits, same); i >= 0 {
			t.st.Waits = slices.Clone(t.st.Waits)
			t.st.Waits[i].Stuck = true
			workflow.GetLogger(ctx).Warn("trade stuck", "waiting for", w.What, "since", w.Since)
			reportStuck(ctx, 1)
		}
	}
}

// StuckMetric is the OpenTelemetry metric of stuck trades: an up-down counter of the waits
// longer than their trade's StuckAfter, raised when a wait becomes stuck and lowered when it
// ends. It is counted by the worker process that runs the workflow (a local activity, so replay
// does not count twice); a worker's restart starts it from zero.
const StuckMetric = "tradefin.trades.stuck"

var stuckCounter, _ = otel.Meter("github.com/tradefin/tradefin/workflows/trade").Int64UpDownCounter(StuckMetric,
	metric.WithDescription("trade steps waiting longer than the stuck threshold"), metric.WithUnit("{wait}"))

// reportStuck counts delta stuck waits, as a local activity (side effects stay out of the
// workflow's deterministic code).
func reportStuck(ctx workflow.Context, delta int64) {
	ctx = workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{StartToCloseTimeout: 5 * time.Second})
	_ = workflow.ExecuteLocalActivity(ctx, countStuck, delta).Get(ctx, nil)
}

func countStuck(ctx context.Context, delta int64) error {
	if stuckCounter != nil {
		stuckCounter.Add(ctx, delta)
	}
	return nil
}

package trade

import (
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"
)

// stuckWatchChange versions the stuck watch with one timer at a time: the watch before it
// started a StuckAfter timer for every wait (every ledger commit), never cancelled, so a trade
// wrote a timer to Temporal's history and timer queue per milestone, each fired later for
// nothing. Now a timer runs only to the earliest deadline of the waits open when it starts;
// waits that begin and end meanwhile need none, and every wait is still marked stuck at its own
// deadline (Since + StuckAfter): a later wait's deadline is never earlier than the timer's.
const stuckWatchChange = "stuck-watch-one-timer"

// watchWithOneTimer is watch since stuckWatchChange.
func (t *tradeRun) watchWithOneTimer(ctx workflow.Context) {
	for {
		if err := workflow.Await(ctx, func() bool { return !t.earliestDeadline().IsZero() }); err != nil {
			return
		}
		if left := t.earliestDeadline().Sub(workflow.Now(ctx)); left > 0 {
			if err := workflow.NewTimer(ctx, left).Get(ctx, nil); err != nil {
				return
			}
		}
		now := workflow.Now(ctx)
		due := slices.DeleteFunc(slices.Clone(t.st.Waits), func(w Wait) bool { return w.Stuck || w.Since.Add(t.stuckAfter).After(now) })
		for _, w := range due { // found again each time: reporting yields, and waits may end meanwhile
			i := slices.IndexFunc(t.st.Waits, func(x Wait) bool { return x.What == w.What && x.Since.Equal(w.Since) && !x.Stuck })
			if i < 0 {
				continue
			}
			t.st.Waits = slices.Clone(t.st.Waits)
			t.st.Waits[i].Stuck = true
			workflow.GetLogger(ctx).Warn("trade stuck", "waiting for", w.What, "since", w.Since)
			reportStuck(ctx, 1)
		}
	}
}

// earliestDeadline is when the oldest wait not stuck yet becomes stuck (zero: none open).
func (t *tradeRun) earliestDeadline() time.Time {
	var at time.Time
	for _, w := range t.st.Waits {
		if d := w.Since.Add(t.stuckAfter); !w.Stuck && (at.IsZero() || d.Before(at)) {
			at = d
		}
	}
	return at
}

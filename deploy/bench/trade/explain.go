package trade

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/ledger"
)

// explain walks one trade and prints, on one clock, when each scenario step began and when each
// milestone's transaction was proposed (its Fabric timestamp): where a trade's time goes, for
// whoever tunes the platform.
func explain(ctx context.Context, out io.Writer, e endpointsAndTokens, reader *ledger.Client, id string) error {
	type mark struct {
		at   time.Time
		what string
	}
	var mu sync.Mutex
	var marks []mark
	c := scenario.NewClient(e.endpoints)
	c.Token, c.PollInterval = e.tokens.Get, e.poll
	c.Progress = func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		marks = append(marks, mark{time.Now(), "step  " + fmt.Sprintf(format, args...)})
	}
	start := time.Now()
	if _, err := c.Run(ctx, scenario.Trade{ID: id, Today: start.UTC()}); err != nil {
		return err
	}
	end := time.Now()
	recs, err := reader.Milestones(ctx, id)
	if err != nil {
		return err
	}
	for _, r := range recs {
		at, err := time.Parse(time.RFC3339Nano, r.Timestamp)
		if err != nil {
			return err
		}
		marks = append(marks, mark{at, "fabric " + r.Milestone + " by " + r.Org})
	}
	marks = append(marks, mark{end, "closed (trade view)"})
	// Steps and proposals interleave on the one clock of this machine.
	for i := 1; i < len(marks); i++ {
		for j := i; j > 0 && marks[j].at.Before(marks[j-1].at); j-- {
			marks[j], marks[j-1] = marks[j-1], marks[j]
		}
	}
	fmt.Fprintf(out, "one trade, step by step (ms from its first request):\n")
	for _, m := range marks {
		fmt.Fprintf(out, "  %6d  %s\n", m.at.Sub(start).Milliseconds(), m.what)
	}
	return nil
}

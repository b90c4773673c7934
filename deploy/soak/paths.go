// Package soak runs many trades at once through the platform's processes while each component
// is killed -9 once at a random moment and restarted, then measures what the crashes cost: trades
// that never reach their terminal state, duplicates, and disagreements between the services,
// Kafka, the workflow and the ledger (package verification). `make soak` runs it at full size
// (cmd/soak); TestShortSoak runs 20 trades and two kills in `make test`.
package soak

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// Step is one party's action on a trade (a scenario.Client method).
type Step func(ctx context.Context, c *scenario.Client, w *scenario.Walk) error

// Path is a way through a documentary credit: its steps, and the terminal state it must reach.
type Path struct {
	Key   string // what -paths names it by
	Name  string
	Steps []Step
	// Terminal reports whether the timeline shows the path's terminal state, and when it shows
	// a state the path must never reach, what is wrong (the trade then counts as wrong, not done).
	Terminal func(t tradeview.Timeline) (done bool, wrong string)
	// Settle is how long the timeline must stay terminal before it counts: a path whose end is
	// a standstill (a refusal nobody waives) could still move.
	Settle time.Duration
}

// The paths on main today. Amended, expired, cancelled and payment-rejected-then-re-instructed
// come with the work that makes them events and milestones: each is one more Path here, its
// new steps one more scenario.Client method each.
var (
	complying = Path{Key: "complying", Name: "complying", Steps: []Step{apply, issue, clearExport, ship, present(false), settle, release}, Terminal: closed}
	waived    = Path{Key: "waived", Name: "refused, waived", Steps: []Step{apply, issue, clearExport, ship, present(true), waive(true), settle, release}, Terminal: closed}
	notWaived = Path{Key: "not-waived", Name: "refused, not waived", Steps: []Step{apply, issue, clearExport, ship, present(true), waive(false)},
		Terminal: refusedStandsStill, Settle: 5 * time.Second}
)

// Paths are the soak's mix, taken in turn.
var Paths = []Path{complying, waived, notWaived}

// PathsByKey returns the paths named by keys (Path.Key), in that order.
func PathsByKey(keys []string) ([]Path, error) {
	out := make([]Path, 0, len(keys))
	for _, k := range keys {
		i := slices.IndexFunc(Paths, func(p Path) bool { return p.Key == k })
		if i < 0 {
			return nil, fmt.Errorf("no path %q", k)
		}
		out = append(out, Paths[i])
	}
	return out, nil
}

func apply(ctx context.Context, c *scenario.Client, w *scenario.Walk) error { return c.Apply(ctx, w) }
func issue(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
	return c.IssueAdviseAccept(ctx, w)
}
func clearExport(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
	return c.ClearExport(ctx, w)
}
func ship(ctx context.Context, c *scenario.Client, w *scenario.Walk) error   { return c.Ship(ctx, w) }
func settle(ctx context.Context, c *scenario.Client, w *scenario.Walk) error { return c.Settle(ctx, w) }
func release(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
	return c.ReleaseImport(ctx, w)
}

func present(discrepant bool) Step {
	return func(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
		return c.Present(ctx, w, discrepant)
	}
}

func waive(accepted bool) Step {
	return func(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
		return c.Waive(ctx, w, accepted)
	}
}

// closed: the workflow has completed with the trade CLOSED.
func closed(t tradeview.Timeline) (bool, string) {
	return t.Workflow.CloseTime != nil && t.Status == "CLOSED", ""
}

// refusedStandsStill: the refusal is on the ledger, nothing waits to be committed, and the trade
// was neither honoured nor waived (the issuing bank rejected the waiver, UCP 600 Art. 16(b)).
func refusedStandsStill(t tradeview.Timeline) (bool, string) {
	names := make([]string, 0, len(t.Milestones))
	for _, m := range t.Milestones {
		names = append(names, m.Name)
	}
	if !slices.Contains(names, "DOCUMENTS_REFUSED") || len(t.Pending) > 0 {
		return false, ""
	}
	for _, bad := range []string{"DISCREPANCY_WAIVED", "HONOURED"} {
		if slices.Contains(names, bad) {
			return true, bad + " on the ledger although the issuing bank rejected the waiver"
		}
	}
	return true, ""
}

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

// The paths. Each new step is one scenario.Client method.
var (
	complying = Path{Key: "complying", Name: "complying", Steps: []Step{apply, issue, clearExport, ship, present(false), settle, release}, Terminal: closed}
	waived    = Path{Key: "waived", Name: "refused, waived", Steps: []Step{apply, issue, clearExport, ship, present(true), waive(true), settle, release}, Terminal: closed}
	notWaived = Path{Key: "not-waived", Name: "refused, not waived", Steps: []Step{apply, issue, clearExport, ship, present(true), waive(false)},
		Terminal: refusedStandsStill, Settle: 5 * time.Second}
	// amended: the expiry extended by an accepted amendment (LC_AMENDED), then as complying.
	amended = Path{Key: "amended", Name: "amended", Steps: []Step{apply, issue, amend, clearExport, ship, present(false), settle, release},
		Terminal: closedWith(func(t tradeview.Timeline) bool { return slices.Contains(milestoneNames(t), "LC_AMENDED") }, "no LC_AMENDED")}
	cancelled = Path{Key: "cancelled", Name: "cancelled", Steps: []Step{apply, issue, cancel}, Terminal: ended("CANCELLED")}
	// rejected: the settlement bank rejects the payment (AC01, a wrong account, which needs a
	// person), the workflow instructs it again and waits, the debtor bank's payments officer
	// corrects it, the new attempt settles.
	rejected = Path{Key: "payment-rejected", Name: "payment re-instructed", Steps: []Step{apply, issue, clearExport, ship, present(false), rejectPayment, correctPayment, settle, release},
		Terminal: closedWith(func(t tradeview.Timeline) bool { return t.Payment != nil && t.Payment.Failures > 0 }, "no payment failure on the timeline")}
)

// AllPaths are the soak's mix, taken in turn; expiring are the places the expired path's credits
// expire at (the LC service must have them on its calendars, Platform).
func AllPaths(expiring ExpiringPlaces) []Path {
	expired := Path{Key: "expired", Name: "expired", Steps: []Step{applyExpiring(expiring), issue}, Terminal: ended("EXPIRED")}
	return []Path{complying, waived, notWaived, amended, expired, cancelled, rejected}
}

// PathsByKey returns the paths of all named by keys (Path.Key), in that order.
func PathsByKey(all []Path, keys []string) ([]Path, error) {
	out := make([]Path, 0, len(keys))
	for _, k := range keys {
		i := slices.IndexFunc(all, func(p Path) bool { return p.Key == k })
		if i < 0 {
			return nil, fmt.Errorf("no path %q", k)
		}
		out = append(out, all[i])
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

func amend(ctx context.Context, c *scenario.Client, w *scenario.Walk) error  { return c.Amend(ctx, w) }
func cancel(ctx context.Context, c *scenario.Client, w *scenario.Walk) error { return c.Cancel(ctx, w) }
func rejectPayment(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
	return c.RejectPayment(ctx, w, "AC01")
}
func correctPayment(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
	return c.CorrectPayment(ctx, w)
}

// applyExpiring applies for a credit whose place's day ends minutes from now.
func applyExpiring(e ExpiringPlaces) Step {
	return func(ctx context.Context, c *scenario.Client, w *scenario.Walk) error {
		place, date, err := e.For(time.Now())
		if err != nil {
			return err
		}
		return c.ApplyExpiring(ctx, w, place, date)
	}
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
func closed(t tradeview.Timeline) (bool, string) { return ended("CLOSED")(t) }

// ended: the workflow has completed with the trade in status; completed in another, it is wrong.
func ended(status string) func(tradeview.Timeline) (bool, string) {
	return func(t tradeview.Timeline) (bool, string) {
		switch {
		case t.Workflow.CloseTime == nil:
			return false, ""
		case t.Status != status:
			return true, fmt.Sprintf("ended %s, not %s", t.Status, status)
		}
		return true, ""
	}
}

// closedWith: CLOSED, and the timeline shows what the path did (else what is missing is wrong).
func closedWith(did func(tradeview.Timeline) bool, missing string) func(tradeview.Timeline) (bool, string) {
	return func(t tradeview.Timeline) (bool, string) {
		done, wrong := closed(t)
		if done && wrong == "" && !did(t) {
			wrong = missing
		}
		return done, wrong
	}
}

func milestoneNames(t tradeview.Timeline) []string {
	names := make([]string, 0, len(t.Milestones))
	for _, m := range t.Milestones {
		names = append(names, m.Name)
	}
	return names
}

// refusedStandsStill: the refusal is on the ledger, nothing waits to be committed, and the trade
// was neither honoured nor waived (the issuing bank rejected the waiver, UCP 600 Art. 16(b)).
func refusedStandsStill(t tradeview.Timeline) (bool, string) {
	names := milestoneNames(t)
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

package trade

import (
	"context"
	"fmt"
	"io"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	tradeworkflow "github.com/tradefin/tradefin/workflows/trade"
)

// The Temporal floor: workflows shaped like a trade and doing nothing else. A trade's history is,
// per milestone, one signal (its event, from the bridge) and one ledger activity, and the next
// event's signal mostly arrives while the activity before is in flight (a workflow task with no
// command), so about two workflow tasks a step. floorWorkflow has that history (107 events
// against an end-to-end trade's 116) with activities that only wait as long as a commit, so the
// server's CPU for one is what Temporal costs a trade on this machine in the architecture's
// design (a signal for each event, an activity for each commit), whatever the workflow decides.
const (
	// floorSteps is a trade's: the end-to-end trade's history holds 12 signals and 12 activities
	// (workflows/trade/testdata/history-v0-happy-path.json).
	floorSteps    = 12
	floorQueue    = "bench-temporal-floor"
	floorSignal   = "step"
	floorActivity = "BenchFloorStep"
)

// FloorFigures is a round of trade-shaped workflows.
type FloorFigures struct {
	Workflows, Steps int
	Elapsed          time.Duration
	CPU              cpuShares
}

// floorWorkflow takes steps signals, running after each an activity.
func floorWorkflow(ctx workflow.Context, steps int) error {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	signals := workflow.GetSignalChannel(ctx, floorSignal)
	for i := range steps {
		signals.Receive(ctx, nil)
		if err := workflow.ExecuteActivity(ctx, floorActivity, i+1 < steps).Get(ctx, nil); err != nil {
			return err
		}
	}
	return nil
}

// floorCommit is how long a floor step's activity takes, about a ledger commit's wait: long
// enough for the signal it sends to be taken in by a workflow task of its own before the
// activity's result comes, as in a trade. Waiting costs no CPU.
const floorCommit = 100 * time.Millisecond

// floorStep signals the next step while it is in flight, as the next event of a trade reaches
// its workflow during a ledger commit, then waits for as long as a commit takes.
type floorStep struct{ c client.Client }

func (s floorStep) step(ctx context.Context, more bool) error {
	if more {
		if err := s.c.SignalWorkflow(ctx, activity.GetInfo(ctx).WorkflowExecution.ID, "", floorSignal, nil); err != nil {
			return err
		}
	}
	select {
	case <-time.After(floorCommit):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// floorRound runs n trade-shaped workflows of steps steps, all at once, on a worker of its own in
// this process (with the trade workers' options), and measures the round's CPU.
func floorRound(ctx context.Context, c client.Client, profileDir, run string, n, steps int) (FloorFigures, error) {
	f := FloorFigures{Workflows: n, Steps: steps}
	w := worker.New(c, floorQueue, tradeworkflow.WorkerOptions())
	w.RegisterWorkflowWithOptions(floorWorkflow, workflow.RegisterOptions{Name: "BenchFloor"})
	w.RegisterActivityWithOptions(floorStep{c}.step, activity.RegisterOptions{Name: floorActivity})
	if err := w.Start(); err != nil {
		return f, err
	}
	defer w.Stop()
	before := readCPU(profileDir)
	start := time.Now()
	runs := make([]client.WorkflowRun, n)
	for i := range n { // started as the bridge starts a trade: with its first event's signal
		r, err := c.SignalWithStartWorkflow(ctx, fmt.Sprintf("bench-floor-%s-%d", run, i), floorSignal, nil,
			client.StartWorkflowOptions{TaskQueue: floorQueue}, "BenchFloor", steps)
		if err != nil {
			return f, err
		}
		runs[i] = r
	}
	for _, r := range runs {
		if err := r.Get(ctx, nil); err != nil {
			return f, err
		}
	}
	f.Elapsed = time.Since(start)
	f.CPU = readCPU(profileDir).since(before)
	return f, nil
}

// print says what the floor's workflows cost the server against what the trades' did.
func (f FloorFigures) print(out io.Writer, trades cpuShares, tradeCount int) {
	if f.Workflows == 0 {
		return
	}
	fmt.Fprintf(out, "temporal floor: %d workflows shaped like a trade (%d signals, %d activities that only wait), all at once: %.1f/s, the server %.3f CPU-s each (a trade's: %.3f)\n",
		f.Workflows, f.Steps, f.Steps, float64(f.Workflows)/f.Elapsed.Seconds(), f.serverEach(), trades["temporal"]/float64(max(tradeCount, 1)))
}

// serverEach is the Temporal server's CPU seconds for one of the round's workflows.
func (f FloorFigures) serverEach() float64 { return f.CPU["temporal"] / float64(f.Workflows) }

// Command worker runs the trade workflows, and the ledger activities of the organisation whose
// Fabric identity it holds (TRADEFIN_FABRIC_MSP).
package main

import (
	"context"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/workflows/trade"
)

func main() {
	platform.Main("worker", func(ctx context.Context) error {
		msp := platform.Env("TRADEFIN_FABRIC_MSP", "ImporterBankMSP")
		rt, err := platform.Start(ctx, "worker", "127.0.0.1:20804", msp)
		if err != nil {
			return err
		}
		flows := worker.New(rt.Temporal, trade.TaskQueue, worker.Options{})
		flows.RegisterWorkflow(trade.Workflow)
		ledger := worker.New(rt.Temporal, trade.LedgerTaskQueue(msp), worker.Options{})
		ledger.RegisterActivityWithOptions(trade.LedgerActivities{Ledger: rt.Ledger}.RecordMilestone,
			activity.RegisterOptions{Name: trade.RecordMilestoneActivity})
		for _, w := range []worker.Worker{flows, ledger} {
			if err := w.Start(); err != nil {
				return err
			}
			defer w.Stop()
		}
		return rt.Serve(ctx)
	})
}

// Command worker runs the trade workflows, the Kafka→Temporal bridge that feeds them the
// services' events, and the trade view (GET /v1/trades/{id}). It holds no Fabric identity: the
// ledger activities run in the services that hold each organisation's identity.
package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/workflows/bridge"
	"github.com/tradefin/tradefin/workflows/trade"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

func main() {
	platform.Main("worker", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "worker", "127.0.0.1:20804")
		if err != nil {
			return err
		}
		// TRADEFIN_STUCK_AFTER: how long a trade may wait on one step (a ledger commit, a payment)
		// before the trade view and the tradefin.trades.stuck metric count it as stuck.
		stuckAfter, err := time.ParseDuration(platform.Env("TRADEFIN_STUCK_AFTER", trade.DefaultStuckAfter.String()))
		if err != nil || stuckAfter <= 0 {
			return fmt.Errorf("TRADEFIN_STUCK_AFTER: want a positive duration such as 15m (%v)", err)
		}
		flows := worker.New(rt.Temporal, trade.TaskQueue, trade.WorkerOptions())
		flows.RegisterWorkflow(trade.Workflow)
		if err := flows.Start(); err != nil {
			return err
		}
		defer flows.Stop()
		if rt.Auth == nil {
			return fmt.Errorf("TRADEFIN_OIDC_ISSUER is required: the trade view accepts only access tokens of an OIDC issuer")
		}
		views := http.NewServeMux()
		tradeview.Register(views, rt.Temporal)
		defer registerVerification(views, rt)()
		apispec.ServeOpenAPI(rt.Mux, tradeview.OpenAPI())
		rt.Mux.Handle("/v1/", platform.Authenticated(rt.Auth, views))
		// One lifecycle: a bridge that cannot reach Kafka is retried while /readyz says so, and
		// the process ends if it fails for good (it used to stop with one log line).
		lc := platform.NewLifecycle(ctx, rt.Health, rt.Log)
		lc.GoRetrying("bridge", func(ctx context.Context) error {
			return bridge.Bridge{Temporal: rt.Temporal, Log: rt.Log, StuckAfter: stuckAfter}.Run(ctx, rt.Config.KafkaBrokers, rt.Config.KafkaSASL)
		})
		lc.Go("http", rt.Serve)
		return lc.Wait()
	})
}

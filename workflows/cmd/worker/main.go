// Command worker runs the trade workflows, the Kafka→Temporal bridge that feeds them the
// services' events, and the trade view (GET /v1/trades/{id}). It holds no Fabric identity: the
// ledger activities run in the services that hold each organisation's identity.
package main

import (
	"context"
	"fmt"
	"net/http"

	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/platform"
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
		flows := worker.New(rt.Temporal, trade.TaskQueue, trade.WorkerOptions())
		flows.RegisterWorkflow(trade.Workflow)
		if err := flows.Start(); err != nil {
			return err
		}
		defer flows.Stop()
		go func() {
			if err := (bridge.Bridge{Temporal: rt.Temporal, Log: rt.Log}).Run(ctx, rt.Config.KafkaBrokers, rt.Config.KafkaSASL); err != nil {
				rt.Log.Error("bridge stopped", "err", err)
			}
		}()
		if rt.Auth == nil {
			return fmt.Errorf("TRADEFIN_OIDC_ISSUER is required: the trade view accepts only access tokens of an OIDC issuer")
		}
		views := http.NewServeMux()
		tradeview.Register(views, rt.Temporal)
		defer registerVerification(views, rt)()
		platform.ServeOpenAPI(rt.Mux, tradeview.OpenAPI())
		rt.Mux.Handle("/v1/", platform.Authenticated(rt.Auth, views))
		return rt.Serve(ctx)
	})
}

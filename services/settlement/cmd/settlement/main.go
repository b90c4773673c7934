// Command settlement runs the settlement service. It holds no Fabric identity: SETTLED is committed
// by the issuing bank (the LC service) when the trade workflow sees settlement.payment_settled.v1.
package main

import (
	"context"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/settlement/service"
)

func main() {
	platform.Main("settlement", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "settlement", "127.0.0.1:20803", "")
		if err != nil {
			return err
		}
		svc, err := service.New(ctx, service.Config{DataDir: rt.Config.DataDir, PostgresDSN: rt.Config.PostgresDSN,
			KafkaBrokers: rt.Config.KafkaBrokers, Temporal: rt.Temporal, Log: rt.Log})
		if err != nil {
			return err
		}
		defer svc.Close()
		rt.Mux.Handle("/v1/", svc.HTTP)
		go func() {
			if err := svc.Run(ctx); err != nil {
				rt.Log.Error("settlement background work stopped", "err", err)
			}
		}()
		return rt.Serve(ctx)
	})
}

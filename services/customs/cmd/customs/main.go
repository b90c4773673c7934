// Command customs runs the customs service. It acts on the ledger for Customs (TRADEFIN_FABRIC_MSP,
// default CustomsMSP).
package main

import (
	"context"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/customs/service"
)

func main() {
	platform.Main("customs", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "customs", "127.0.0.1:20802", "")
		if err != nil {
			return err
		}
		identities, err := rt.ConnectIdentities(platform.Env("TRADEFIN_FABRIC_MSP", "CustomsMSP"))
		if err != nil {
			return err
		}
		svc, err := service.New(ctx, service.Config{DataDir: rt.Config.DataDir, PostgresDSN: rt.Config.PostgresDSN,
			KafkaBrokers: rt.Config.KafkaBrokers, Temporal: rt.Temporal, Ledgers: identities, Log: rt.Log})
		if err != nil {
			return err
		}
		defer svc.Close()
		rt.Mux.Handle("/v1/", svc.HTTP)
		go func() {
			if err := svc.Run(ctx); err != nil {
				rt.Log.Error("customs background work stopped", "err", err)
			}
		}()
		return rt.Serve(ctx)
	})
}

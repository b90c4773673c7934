// Command lc runs the letters-of-credit service. It acts on the ledger for the issuing bank and
// the advising bank (TRADEFIN_LC_LEDGER_MSPS, default ImporterBankMSP,ExporterBankMSP).
package main

import (
	"context"
	"strings"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/service"
)

func main() {
	platform.Main("lc", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "lc", "127.0.0.1:20801", "")
		if err != nil {
			return err
		}
		identities, err := rt.ConnectIdentities(strings.Split(platform.Env("TRADEFIN_LC_LEDGER_MSPS", "ImporterBankMSP,ExporterBankMSP"), ",")...)
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
				rt.Log.Error("lc background work stopped", "err", err)
			}
		}()
		return rt.Serve(ctx)
	})
}

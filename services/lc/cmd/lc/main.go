// Command lc runs the letters-of-credit service. It acts on the ledger for the issuing bank and
// the advising bank (TRADEFIN_FABRIC_MSPS, default ImporterBankMSP,ExporterBankMSP).
package main

import (
	"context"
	"strings"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/service"
)

func main() {
	platform.Main("lc", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "lc", "127.0.0.1:20801")
		if err != nil {
			return err
		}
		if _, err := rt.ConnectIdentities(strings.Split(platform.Env("TRADEFIN_FABRIC_MSPS", "ImporterBankMSP,ExporterBankMSP"), ",")...); err != nil {
			return err
		}
		svc, err := service.New(ctx, rt.ServiceConfig())
		if err != nil {
			return err
		}
		defer svc.Close()
		return rt.ServeService(ctx, svc.HTTP, svc.Run)
	})
}

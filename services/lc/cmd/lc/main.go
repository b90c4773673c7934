// Command lc runs the letters-of-credit service; it acts on the ledger for the issuing bank.
package main

import (
	"context"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/app"
)

func main() {
	platform.Main("lc", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "lc", "127.0.0.1:20801", platform.Env("TRADEFIN_FABRIC_MSP", "ImporterBankMSP"))
		if err != nil {
			return err
		}
		httpapi.Register(rt.Mux, app.New())
		return rt.Serve(ctx)
	})
}

// Command lc runs the letters-of-credit service; it acts on the ledger for the issuing bank.
package main

import (
	"context"

	"github.com/tradefin/tradefin/events/platform"
)

func main() {
	platform.Main("lc", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "lc", "127.0.0.1:20801", platform.Env("TRADEFIN_FABRIC_MSP", "ImporterBankMSP"))
		if err != nil {
			return err
		}
		return rt.Serve(ctx)
	})
}

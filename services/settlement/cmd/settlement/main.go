// Command settlement runs the settlement service; it acts on the ledger for the paying (issuing) bank.
package main

import (
	"context"

	"github.com/tradefin/tradefin/events/platform"
)

func main() {
	platform.Main("settlement", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "settlement", "127.0.0.1:20803", platform.Env("TRADEFIN_FABRIC_MSP", "ImporterBankMSP"))
		if err != nil {
			return err
		}
		return rt.Serve(ctx)
	})
}

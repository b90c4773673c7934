// Command worker runs the trade workflow worker.
package main

import (
	"context"

	"github.com/tradefin/tradefin/events/platform"
)

func main() {
	platform.Main("worker", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "worker", "127.0.0.1:20804", platform.Env("TRADEFIN_FABRIC_MSP", "ImporterBankMSP"))
		if err != nil {
			return err
		}
		return rt.Serve(ctx)
	})
}

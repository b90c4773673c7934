// Command customs runs the customs documents service; it acts on the ledger for Customs.
package main

import (
	"context"

	"github.com/tradefin/tradefin/events/platform"
)

func main() {
	platform.Main("customs", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "customs", "127.0.0.1:20802", platform.Env("TRADEFIN_FABRIC_MSP", "CustomsMSP"))
		if err != nil {
			return err
		}
		return rt.Serve(ctx)
	})
}

// Command customs runs the customs service. It acts on the ledger for Customs
// (TRADEFIN_FABRIC_MSPS, default CustomsMSP).
package main

import (
	"context"
	"strings"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/customs/service"
)

func main() {
	platform.Main("customs", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "customs", "127.0.0.1:20802")
		if err != nil {
			return err
		}
		if _, err := rt.ConnectIdentities(strings.Split(platform.Env("TRADEFIN_FABRIC_MSPS", "CustomsMSP"), ",")...); err != nil {
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

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
		rt, err := platform.Start(ctx, "settlement", "127.0.0.1:20803")
		if err != nil {
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

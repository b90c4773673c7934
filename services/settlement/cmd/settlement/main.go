// Command settlement runs the settlement service. It holds no Fabric identity: SETTLED is
// committed by the issuing bank (the LC service) when the trade workflow sees
// settlement.payment_settled.v1.
package main

import (
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/settlement/service"
)

func main() {
	platform.ServiceMain("settlement", "127.0.0.1:20803", service.New)
}

// Command lc runs the letters-of-credit service. It holds no Fabric key: the banks' ledger
// agents (services/ledgeragent) sign their milestones.
package main

import (
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/service"
)

func main() {
	platform.ServiceMain("lc", "127.0.0.1:20801", service.New)
}

// Command customs runs the customs service. It holds no Fabric key: Customs' ledger agent
// (services/ledgeragent) signs its milestones.
package main

import (
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/customs/service"
)

func main() {
	platform.ServiceMain("customs", "127.0.0.1:20802", service.New)
}

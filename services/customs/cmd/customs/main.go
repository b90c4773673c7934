// Command customs runs the customs service. It acts on the ledger for Customs
// (TRADEFIN_FABRIC_MSPS overrides which identity it holds).
package main

import (
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/customs/service"
)

func main() {
	platform.ServiceMain("customs", "127.0.0.1:20802", "CustomsMSP", service.New)
}

// Command lc runs the letters-of-credit service. It acts on the ledger for the issuing bank and
// the advising bank (TRADEFIN_FABRIC_MSPS overrides which identities it holds).
package main

import (
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/service"
)

func main() {
	platform.ServiceMain("lc", "127.0.0.1:20801", "ImporterBankMSP,ExporterBankMSP", service.New)
}

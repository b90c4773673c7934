package trade

import (
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
)

// receivedCreditChange versions trades opened by a credit issued outside the platform: the
// advising bank's lc.received.v1 (LC_RECEIVED, chaincode/rules/received.go) opens the trade as
// an application's lc.applied.v1 does, and its presentable-until instant sets the expiry timer.
const receivedCreditChange = "received-credit"

// receivedOn reports whether this run follows receivedCreditChange.
func receivedOn(ctx workflow.Context) bool {
	return changeVersion(ctx, receivedCreditChange) == 1
}

// opens reports whether milestone name opens the credit's trade, so its event carries the
// credit's first presentable-until instant.
func (t *tradeRun) opens(name rules.Type) bool {
	return name == rules.LCApplied || t.received && name == rules.LCReceived
}

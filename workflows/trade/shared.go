// Package trade is the Temporal workflow that orchestrates one trade: it receives the services'
// integration events as signals, commits each milestone to the ledger through the organisation
// entitled to it, and enforces the credit's expiry with a timer.
package trade

import "time"

// WorkflowID is the workflow's ID for a trade: one workflow per trade.
func WorkflowID(tradeID string) string { return "trade-" + tradeID }

// TaskQueue is where the trade workflows run.
const TaskQueue = "trade"

// LedgerTaskQueue is served by the process holding the organisation's Fabric identity, so each
// milestone is submitted by the organisation that performed the step (the LC service for the
// banks, the customs service for Customs).
func LedgerTaskQueue(mspID string) string { return "ledger-" + mspID }

// EventSignal carries a service's integration event to the workflow (via the Kafka bridge).
const EventSignal = "trade-event"

// StateQuery answers with the trade's State.
const StateQuery = "state"

// Input starts a trade's workflow.
type Input struct {
	TradeID   string
	LCExpiry  time.Time // UCP 600 Art. 6(d)(i): the credit expires unless honoured before
	StartedBy string
}

// Event is an integration event as a signal: its type, ID and the SHA-256 of its canonical form.
type Event struct {
	Type   string // e.g. "lc.issued.v1"
	ID     string
	SHA256 string
}

// Milestone is one milestone committed (or to commit) to the ledger.
type Milestone struct {
	Name    string // LC_ISSUED
	MSPID   string // the organisation that commits it
	EventID string
	SHA256  string
	TxID    string
	Block   uint64
}

// State is what the StateQuery returns.
type State struct {
	TradeID    string
	Status     string // RUNNING, CLOSED, EXPIRED
	Milestones []Milestone
}

// RecordInput is the ledger activity's input.
type RecordInput struct {
	TradeID, Milestone, SHA256 string
}

// Receipt is the ledger activity's result.
type Receipt struct {
	TxID  string
	Block uint64
}

// Package trade is the Temporal workflow that orchestrates one trade: it receives the services'
// integration events as signals (through the Kafka bridge), commits each milestone to the ledger
// through the organisation entitled to it and in the order the chaincode accepts, closes the
// trade when the goods are released, and enforces the credit's expiry with a timer.
package trade

import (
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
)

// WorkflowID is the workflow's ID for a trade: one workflow per trade.
func WorkflowID(tradeID string) string { return "trade-" + tradeID }

// TaskQueue is where the trade workflows run.
const TaskQueue = "trade"

// EventSignal carries a service's integration event to the workflow.
const EventSignal = "trade-event"

// StateQuery answers with the trade's State.
const StateQuery = "state"

// Workflow statuses.
const (
	StatusRunning = "RUNNING"
	StatusClosed  = "CLOSED"
	StatusExpired = "EXPIRED"
)

// Input starts a trade's workflow. The expiry may be unknown at start (an event other than
// lc.applied.v1 started it); the lc.applied.v1 signal then carries it.
type Input struct {
	TradeID  string
	LCExpiry time.Time
}

// Event is an integration event as a signal.
type Event struct {
	Type   string // e.g. "lc.issued.v1"
	ID     string
	Source string
	Time   time.Time
	SHA256 string // of the canonical event (contracts.Fingerprint)
	// LCExpiry is set on lc.applied.v1: the end of the credit's expiry date (UCP 600 Art. 6(d)(i)).
	LCExpiry time.Time
	// Payment is set on lc.honoured.v1: the presentation settlement is to pay.
	Payment *contracts.PaymentRef
	// Trace is the W3C trace context of the request that caused the event.
	Trace map[string]string
	// Actor is who acted: organisation, user, client.
	Actor identity.Stamp
	// Parties are the organisations the event makes parties of the trade (contracts.Parties).
	Parties []string
}

// Milestone is one milestone of the trade: committed (TxID set), or waiting for its predecessor.
type Milestone struct {
	Name    string // LC_ISSUED
	MSPID   string // the organisation that commits it
	EventID string
	SHA256  string
	TxID    string
	Block   uint64
	Error   string // why committing failed, when it did
	trace   map[string]string
}

// State is what the StateQuery returns.
type State struct {
	TradeID    string
	Status     string // RUNNING, CLOSED, EXPIRED
	LCExpiry   time.Time
	Events     []Event     // every event received, in arrival order
	Milestones []Milestone // committed, in ledger order
	Pending    []Milestone // received, waiting for the milestone the chaincode wants first
	Payment    Instruction // what the workflow asked settlement to pay
	// Parties are the organisations party to the trade, sorted: who may see it (need-to-know).
	Parties []string
}

// Instruction is the workflow's instruction to settlement once the credit is honoured.
type Instruction struct {
	Ref    *contracts.PaymentRef
	Status string // settlement's answer: the payment's status
	Error  string
}

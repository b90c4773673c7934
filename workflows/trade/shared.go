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
	StatusRunning   = "RUNNING"
	StatusClosed    = "CLOSED"
	StatusExpired   = "EXPIRED"
	StatusCancelled = "CANCELLED"
)

// Input starts a trade's workflow: the bridge starts it with the trade's lc.applied.v1, which
// the start's signal carries. A run that continued as new carries the trade's state in Resume.
type Input struct {
	TradeID string
	// LCExpiry was the expiry a run before lifecycleChange started with (unused since).
	LCExpiry time.Time
	// StuckAfter is how long the trade may wait on one step (a ledger commit, a payment) before
	// it counts as stuck (DefaultStuckAfter when zero).
	StuckAfter time.Duration
	// MaxBackoff caps the wait between attempts of the ledger and payment activities, which are
	// retried until they pass (default a minute).
	MaxBackoff time.Duration
	// ContinueAfter is how many signals a run takes before it continues as new (DefaultContinueAfter when zero).
	ContinueAfter int
	// Resume is the state of the run this one continues.
	Resume *State
}

// Event is an integration event as a signal.
type Event struct {
	Type   string // e.g. "lc.issued.v1"
	ID     string
	Source string
	Time   time.Time
	SHA256 string // of the canonical event (contracts.Fingerprint)
	// LCExpiry is set on lc.applied.v1 and lc.amended.v1: the LC service's PresentableUntil, the
	// last instant a presentation is possible (UCP 600 Art. 6(d)(i), 29(a)).
	LCExpiry time.Time
	// LCID is set on the credit's events: the credit ExpireCreditActivity names.
	LCID string
	// Reason is set on settlement.payment_failed.v1: why the payment was rejected.
	Reason string
	// Payment is set on lc.honoured.v1: the presentation settlement is to pay.
	Payment *contracts.PaymentRef
	// PayableAt and MaturityDate are set on lc.honoured.v1 of a usance credit (maturity.go).
	PayableAt    time.Time `json:",omitzero"`
	MaturityDate string    `json:",omitempty"`
	// Instalments are set on lc.honoured.v1 of a mixed payment credit (instalments.go).
	Instalments []Instalment `json:",omitempty"`
	// Trace is the W3C trace context of the request that caused the event.
	Trace map[string]string
	// Actor is who acted: organisation, user, client.
	Actor identity.Stamp
	// Parties are the organisations the event makes parties of the trade (contracts.Parties).
	Parties []string
	// PresentationID is set on a presentation's events; ExaminationDeadline on
	// lc.documents_presented.v1 (examination_deadline.go).
	PresentationID      string    `json:",omitempty"`
	ExaminationDeadline time.Time `json:",omitzero"`
	// Drawing is the drawing the event is of (contracts.DrawingOf; drawings.go).
	Drawing string `json:",omitempty"`
	// ByConfirmingBank: the confirming bank performed the event's step in its own name (an honour
	// under its confirmation, UCP 600 Art. 8(a)), so its organisation commits the milestone
	// (rules.CommittingOrg). Absent from signals recorded before it: the table's organisation.
	ByConfirmingBank bool `json:",omitempty"`
	// PaymentID is set on settlement.payment_failed.v1: the payment rejected, the beneficiary's or
	// a confirming bank's reimbursement (contracts.IsReimbursementPayment; reimbursement_retry.go).
	PaymentID string `json:",omitempty"`
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
	// Actor is who did the step the milestone records (its event's actor).
	Actor identity.Stamp
	trace map[string]string
	// Drawing is the drawing's reference for a milestone of one drawing (drawings.go).
	Drawing string `json:",omitempty"`
}

// State is what the StateQuery returns, and what a run carries to the one it continues as.
type State struct {
	TradeID string
	Status  string // RUNNING, CLOSED, EXPIRED, CANCELLED
	// LCExpiry is the last instant a presentation is possible, as the LC service published it
	// with the application and each amendment; the expiry timer fires at it.
	LCExpiry time.Time
	LCID     string
	// Expiry is the LC service's last answer to ExpireCreditActivity ("" before the first).
	Expiry string
	// Events are the latest events received (at most MaxEvents), in arrival order;
	// EventsReceived counts every one, so the timeline says how many are not shown.
	Events         []Event
	EventsReceived int
	Milestones     []Milestone // committed (or refused for good), in ledger order
	Pending        []Milestone // received, waiting for the milestones the chaincode wants first
	Payment        Instruction // what the workflow asked settlement to pay
	Reimbursement  Instruction `json:",omitzero"` // a confirming bank's reimbursement (confirmation.go)
	Discounts      []Discount  `json:",omitzero"` // proceeds of discounts before maturity (discounting.go)
	// Parties are the organisations party to the trade, sorted: who may see it (need-to-know).
	Parties []string
	// Waits are the steps in flight the trade waits on (a ledger commit, a payment), each since
	// when; one waiting longer than StuckAfter makes the trade stuck.
	Waits []Wait
	// Runs counts the runs before this one (continue-as-new).
	Runs int
	// Examinations are the presentations' examination clocks (examination_deadline.go).
	Examinations []Examination `json:",omitempty"`
	// Drawings are the payments of a credit drawn by several presentations (drawings.go).
	Drawings *DrawingPayments `json:",omitempty"`
}

// Instruction is the workflow's instruction to settlement once the credit is honoured.
type Instruction struct {
	Ref    *contracts.PaymentRef
	Status string // settlement's answer: the payment's status
	Error  string
	// Failed is the last settlement.payment_failed.v1; Failures counts them.
	Failed   *PaymentFailure
	Failures int
	// Waiting: the payment failed and is instructed again, settlement answering "awaiting
	// correction" until the debtor bank corrects it.
	Waiting bool
	// Due: the payment is to be instructed (again); carried across continue-as-new.
	Due bool
	// A usance credit's payment is instructed at PayableAt, its maturity date's start at the
	// place of payment; AwaitingMaturity while the timer runs (maturity.go).
	PayableAt        time.Time `json:",omitzero"`
	MaturityDate     string    `json:",omitempty"`
	AwaitingMaturity bool      `json:",omitempty"`
}

// PaymentFailure is a rejected payment (pacs.002 RJCT).
type PaymentFailure struct {
	EventID string
	Reason  string
	At      time.Time
}

// Wait is one step in flight.
type Wait struct {
	What  string // e.g. "commit HONOURED", "instruct payment"
	Since time.Time
	Stuck bool // it has waited longer than StuckAfter
}

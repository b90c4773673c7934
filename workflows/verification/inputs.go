// Package verification reconciles one trade across everything that records it: the services'
// own stores (the integration events each committed with its domain events), the events on
// Kafka, the trade workflow's state, and the ledger as each organisation's peer returns it.
// Verify is pure: it compares inputs the sources (sources.go and its siblings) read, so every
// rule of the comparison is tested without a stack.
package verification

// Event is an integration event as one source holds it.
type Event struct {
	ID     string
	Type   string // e.g. "lc.honoured.v1"
	Source string // the publishing service, e.g. "/tradefin/lc"
	SHA256 string // contracts.Fingerprint of the event
	// ByConfirmingBank: the confirming bank performed the event's step (contracts.ByConfirmingBank),
	// so its organisation commits the milestone (rules.CommittingOrg).
	ByConfirmingBank bool `json:",omitempty"`
}

// Record is a milestone record as a peer returns it (the fields the comparison reads).
type Record struct {
	Seq        int
	Milestone  string
	EventHash  string
	Org        string // MSP ID of the submitting organisation, from its certificate
	TxID       string
	PrevHash   string
	RecordHash string
}

// Workflow is the trade workflow's view: what it received and what it committed.
type Workflow struct {
	Status     string // the trade's: RUNNING, CLOSED, EXPIRED
	Running    bool   // the Temporal execution has not closed
	Events     []Event
	Milestones []Milestone // committed, in ledger order
	Pending    []Milestone // received, not committed yet
}

// Milestone is a milestone as the workflow knows it.
type Milestone struct {
	Name, Org, EventID, SHA256, TxID string
	Error                            string // why committing failed, when it did
}

// Inputs are what the sources hold about one trade.
type Inputs struct {
	TradeID string
	// Services maps a service name to the integration events it recorded for the trade, in its
	// commit order; nil when the services' stores were not read.
	Services map[string][]Event
	// Kafka is every event of the trade on the topics, each topic in offset order (the trade ID
	// is the key: one partition per topic keeps a context's events in order).
	Kafka []Event
	// Workflow is nil when Temporal knows no workflow for the trade.
	Workflow *Workflow
	// Ledger maps the MSP ID of each peer read to the trade's chain as that peer returns it.
	Ledger map[string][]Record
}

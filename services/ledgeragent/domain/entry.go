package domain

import "time"

// Entry is one integration event as the agent's index holds it.
type Entry struct {
	Type   string // e.g. "lc.issued.v1"
	ID     string // its ce_id
	SHA256 string // contracts.Fingerprint of the event as published
	// ExpiryDate is set on lc.applied.v1: the credit's expiry date (MT700 31D, YYYY-MM-DD), which
	// the workflow's expiry timer runs to.
	ExpiryDate string
	// ByConfirmingBank is set on an event whose step the confirming bank performed in its own
	// name (contracts.ByConfirmingBank): its organisation commits the milestone
	// (rules.CommittingOrg).
	ByConfirmingBank bool
}

// Request asks the agent to sign one milestone of a trade.
type Request struct {
	TradeID   string
	Milestone string
	SHA256    string
}

// Limits on a request: the chaincode's own bounds, checked before anything is looked up.
const (
	MaxTradeIDLength = 128
	hashLength       = 64
)

// ExpiryGrace is how far the agent's clock may lag the workflow's timer: an EXPIRED asked for
// this close before the credit's expiry ends is retried rather than refused.
const ExpiryGrace = 5 * time.Minute

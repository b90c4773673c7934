package app

import (
	"errors"
	"fmt"
)

// Refusal: the milestone does not stand for a real event of the agent's organisation, and never
// will; the activity must not be retried.
type Refusal struct {
	Code      string // domain.Code*
	TradeID   string
	Milestone string
	Reason    string
}

func (r *Refusal) Error() string {
	return fmt.Sprintf("ledger agent refuses to sign %s of trade %s: %s: %s", r.Milestone, r.TradeID, r.Code, r.Reason)
}

// ErrNotYet: the milestone may be justified later (its event not indexed yet, an expiry moments
// away); the activity is retried.
var ErrNotYet = errors.New("not justified yet")

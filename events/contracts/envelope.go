package contracts

import "time"

// Envelope is a decoded integration event.
type Envelope struct {
	ID      string
	Type    string
	Source  string // the publishing service, e.g. "/tradefin/lc"
	Time    time.Time
	TradeID string
	Data    any // a pointer to the contract struct, e.g. *LCHonoured
}

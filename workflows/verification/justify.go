package verification

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/tradefin/tradefin/events/contracts"
)

// justification is what a ledger record's hash must be the hash of: a service's event, or for
// the milestones the workflow commits itself, the ID it derives their hash from.
type justification struct {
	event     Event  // the event the record stands for (for a derived one, the event it follows)
	milestone string // the milestone that event (or derivation) stands for
	derived   bool
}

// Derived hashes of the workflow's own milestones, as the trade workflow commits them and the
// ledger agents check them (services/ledgeragent/domain/justify.go): CLOSED hashes the ID of the
// trade's customs.import_released.v1 followed by "/closed"; the workflow's own EXPIRED hashes the
// trade ID followed by "/expired" (an EXPIRED from lc.expired.v1 hashes that event, like any other).
const (
	closedSuffix  = "/closed"
	expiredSuffix = "/expired"
)

func derivedHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// justifications indexes every hash a record of the trade may carry.
func justifications(tradeID string, kafka []Event) map[string]justification {
	out := map[string]justification{}
	for _, e := range kafka {
		if _, seen := out[e.SHA256]; seen {
			continue // the same event published again (an outbox retry)
		}
		out[e.SHA256] = justification{event: e, milestone: contracts.Milestone(e.Type)}
		if e.Type == "customs.import_released.v1" {
			out[derivedHash(e.ID+closedSuffix)] = justification{event: e, milestone: "CLOSED", derived: true}
		}
	}
	out[derivedHash(tradeID+expiredSuffix)] = justification{event: Event{ID: tradeID + expiredSuffix}, milestone: "EXPIRED", derived: true}
	return out
}

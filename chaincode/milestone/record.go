package milestone

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/tradefin/tradefin/chaincode/rules"
)

// Record is one milestone on the ledger. RecordHash covers every other field, and PrevHash is
// the previous record's RecordHash: altering any earlier record breaks every later link.
type Record struct {
	TradeID    string     `json:"tradeId"`
	Seq        int        `json:"seq"`
	Milestone  rules.Type `json:"milestone"`
	EventHash  string     `json:"eventHash"` // SHA-256 (hex) of the canonical event or document
	Org        string     `json:"org"`       // the submitting organisation's MSP ID, from its certificate
	TxID       string     `json:"txId"`
	Timestamp  string     `json:"timestamp"` // the transaction's timestamp (RFC 3339), same on every endorser
	PrevHash   string     `json:"prevHash"`  // "" for the first milestone
	RecordHash string     `json:"recordHash"`

	// Drawing is the drawing's reference, for a milestone of one (rules/drawings.go); optional in
	// the contract's metadata, so records without it still match the return schema.
	Drawing string `json:"drawing,omitempty" metadata:",optional"`
}

// hash computes RecordHash over the record's canonical JSON without RecordHash (struct field
// order makes encoding/json deterministic).
func (r Record) hash() string {
	r.RecordHash = ""
	b, _ := json.Marshal(r)
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Head is the trade's latest state, kept so each append reads one key.
type Head struct {
	Seq        int        `json:"seq"`
	Last       rules.Type `json:"last"`
	RecordHash string     `json:"recordHash"`
	// State is what the order rules check the next milestone against (nil in a head written
	// before the rules became a partial order: then it is folded from the records).
	State *rules.State `json:"state,omitempty"`
}

// isSHA256Hex reports whether s is 64 lowercase hex digits.
func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

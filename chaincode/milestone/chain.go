package milestone

import (
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/chaincode/rules"
)

// Entry is one milestone asked of the chain: which, of which drawing ("" for none), and the
// SHA-256 (hex) of the event or document it stands for.
type Entry struct {
	Milestone string `json:"milestone"`
	Drawing   string `json:"drawing,omitempty"`
	EventHash string `json:"eventHash"`
}

// chain is one transaction's view of a trade's chain: its head and rule state as read from the
// ledger, advanced in memory by each record the transaction appends. A transaction does not read
// its own writes (Fabric answers reads from the committed state), so records appended one after
// another in one transaction link to each other through this value, not through the ledger.
type chain struct {
	contract                      *Contract
	tradeID, org, txID, timestamp string
	headKey                       string
	head                          Head
	state                         rules.State
	dirty                         bool // a record was appended: the head must be written
}

// openChain reads the trade's head and who submits the transaction.
func (c *Contract) openChain(ctx stub, tradeID string) (*chain, error) {
	if strings.TrimSpace(tradeID) == "" || len(tradeID) > 128 {
		return nil, rules.Errorf(rules.ErrInvalid, "trade ID must be 1 to 128 characters")
	}
	org, err := ctx.GetClientIdentity().GetMSPID()
	if err != nil {
		return nil, fmt.Errorf("read creator MSP ID: %w", err)
	}
	ch := &chain{contract: c, tradeID: tradeID, org: org, txID: ctx.GetStub().GetTxID()}
	if ch.headKey, err = key(ctx, "head", tradeID); err != nil {
		return nil, err
	}
	if _, err := getJSON(ctx, ch.headKey, &ch.head); err != nil {
		return nil, err
	}
	if ch.state, err = c.stateOf(ctx, tradeID, ch.head); err != nil {
		return nil, err
	}
	ts, err := ctx.GetStub().GetTxTimestamp()
	if err != nil {
		return nil, fmt.Errorf("read tx timestamp: %w", err)
	}
	ch.timestamp = ts.AsTime().UTC().Format(time.RFC3339Nano)
	return ch, nil
}

// append adds the milestone after the chain's head, or, when the trade already holds it with the
// same hash (a retry after an unknown commit outcome is normal), returns that record and false.
// The same milestone with a different hash is refused unless the rules allow it again (a
// re-presentation after a refusal, another amendment).
func (ch *chain) append(ctx stub, e Entry) (*Record, bool, error) {
	next := rules.Type(e.Milestone)
	if !isSHA256Hex(e.EventHash) {
		return nil, false, rules.Errorf(rules.ErrInvalid, "event hash must be a SHA-256 digest as 64 lowercase hex digits, got %q", e.EventHash)
	}
	if seen, found, err := ch.contract.recorded(ctx, ch.tradeID, e.Milestone, e.EventHash); err != nil || found {
		return seen, false, err
	}
	if err := rules.CheckDrawing(next, e.Drawing, ch.state, ch.org); err != nil {
		if ch.state.Has(next) {
			return nil, false, rules.Errorf(rules.ErrConflict, "%s is already recorded for trade %s with another event hash; refusing %s (%v)", next, ch.tradeID, e.EventHash, err)
		}
		return nil, false, err
	}
	r := Record{
		TradeID: ch.tradeID, Seq: ch.head.Seq + 1, Milestone: next, Drawing: e.Drawing, EventHash: e.EventHash, Org: ch.org,
		TxID: ch.txID, Timestamp: ch.timestamp, PrevHash: ch.head.RecordHash,
	}
	r.RecordHash = r.hash()
	recKey, err := key(ctx, "milestone", ch.tradeID, fmt.Sprintf("%06d", r.Seq))
	if err != nil {
		return nil, false, err
	}
	typeKey, err := key(ctx, "mtype", ch.tradeID, e.Milestone)
	if err != nil {
		return nil, false, err
	}
	hashKey, err := key(ctx, "mhash", ch.tradeID, e.Milestone, e.EventHash)
	if err != nil {
		return nil, false, err
	}
	for _, k := range []string{recKey, typeKey, hashKey} { // a slice, not a map: chaincode must not depend on map order
		if err := putJSON(ctx, k, r); err != nil {
			return nil, false, err
		}
	}
	ch.state = ch.state.AfterDrawing(next, e.Drawing)
	ch.head = Head{Seq: r.Seq, Last: next, RecordHash: r.RecordHash, State: &ch.state}
	ch.dirty = true
	return &r, true, nil
}

// saveHead writes the head the transaction's records left, if it appended any.
func (ch *chain) saveHead(ctx stub) error {
	if !ch.dirty {
		return nil
	}
	return putJSON(ctx, ch.headKey, ch.head)
}

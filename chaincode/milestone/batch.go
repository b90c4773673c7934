package milestone

import (
	"encoding/json"
	"fmt"

	"github.com/tradefin/tradefin/chaincode/rules"
)

// MaxBatch bounds the milestones of one RecordMilestones transaction.
const MaxBatch = 32

// RecordMilestones appends several milestones of one trade, consecutive on its chain and all the
// submitting organisation's, in one transaction: each gets its own record, sequence number and
// hash link, exactly as one RecordMilestone after another would write them, but the trade waits
// for one block instead of one per milestone. entries is a JSON array of Entry.
//
// The records returned are those of the entries in order up to the first the rules refuse: the
// transaction commits those, and the caller asks again for the rest (a refusal then comes back
// on its own). A refused first entry fails the transaction. Entries already on the chain with the
// same hash are returned as they are (a retry after an unknown commit outcome is normal).
func (c *Contract) RecordMilestones(ctx stub, tradeID string, entries string) ([]*Record, error) {
	var es []Entry
	if len(entries) > MaxBatch*512 {
		return nil, rules.Errorf(rules.ErrInvalid, "a batch is at most %d bytes", MaxBatch*512)
	}
	if err := json.Unmarshal([]byte(entries), &es); err != nil {
		return nil, rules.Errorf(rules.ErrInvalid, "entries must be a JSON array of {milestone, drawing, eventHash}: %v", err)
	}
	if len(es) == 0 || len(es) > MaxBatch {
		return nil, rules.Errorf(rules.ErrInvalid, "a batch holds 1 to %d milestones, got %d", MaxBatch, len(es))
	}
	seen := map[Entry]bool{}
	for _, e := range es {
		if seen[e] {
			return nil, rules.Errorf(rules.ErrInvalid, "%s with hash %s is twice in the batch", e.Milestone, e.EventHash)
		}
		seen[e] = true
	}
	ch, err := c.openChain(ctx, tradeID)
	if err != nil {
		return nil, err
	}
	out := make([]*Record, 0, len(es))
	var added []*Record
	for i, e := range es {
		r, isNew, err := ch.append(ctx, e)
		if err != nil {
			if i == 0 {
				return nil, err
			}
			break
		}
		out = append(out, r)
		if isNew {
			added = append(added, r)
		}
	}
	if len(added) == 0 {
		return out, nil
	}
	if err := ch.saveHead(ctx); err != nil {
		return nil, err
	}
	b, err := json.Marshal(added)
	if err != nil {
		return nil, fmt.Errorf("encode the batch's event: %w", err)
	}
	return out, ctx.GetStub().SetEvent(EventBatchRecorded, b)
}

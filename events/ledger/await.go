package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hyperledger/fabric-gateway/pkg/client"
)

// RecordAfterActivity is the name of the pipelined ledger activity: a batch of one
// organisation's milestones (as RecordMilestonesActivity) that waits, before its first submit,
// until the milestone before it on the trade's chain is committed. The trade workflow schedules
// the batches of every organisation in a row of ready milestones at once, so each organisation
// starts the moment the ledger has the one before, not a Temporal round trip (activity result,
// workflow task, next activity) after it. The chain and what each organisation signs are the
// same as one batch after another.
const RecordAfterActivity = "RecordMilestonesAfter"

// PredecessorMissingErrorType is the Temporal application-error type of a pipelined batch whose
// predecessor did not reach the ledger within the wait: its milestones stay the workflow's to
// schedule again, so the workflow's retry policy lists it as non-retryable.
const PredecessorMissingErrorType = "PredecessorNotRecorded"

// RecordAfterInput is a pipelined batch: Milestones, committed in order once After (when set: the
// last milestone of the batch before, another organisation's) is on the trade's chain.
type RecordAfterInput struct {
	After      *RecordInput
	Milestones []RecordInput
}

// ErrPredecessorMissing: the milestone a pipelined batch follows is not on the ledger.
var ErrPredecessorMissing = errors.New("the milestone before is not on the ledger")

// awaitRecheck is how often a wait also reads the chain, should the event stream have missed
// a commit (it starts from the next block, and reconnects after an outage). Rarely: under load
// many batches wait at once, and each read is a chaincode query on the organisation's peer.
const awaitRecheck = 5 * time.Second

// AwaitRecorded returns nil once the trade's chain holds the milestone with the event hash, as
// this organisation's peer has committed it, or an error wrapping ErrPredecessorMissing after
// within. It listens to the chaincode's MilestoneRecorded events through the peer (one stream
// per client, started on first use) and reads the chain when it starts and every awaitRecheck.
func (c *Client) AwaitRecorded(ctx context.Context, in RecordInput, within time.Duration) error {
	done := c.commits.await(c, in.TradeID, in.Milestone, in.SHA256)
	defer c.commits.forget(in.TradeID, in.Milestone, in.SHA256, done)
	deadline := time.NewTimer(within)
	defer deadline.Stop()
	recheck := time.NewTicker(awaitRecheck)
	defer recheck.Stop()
	for {
		if ok, err := c.hasRecord(ctx, in); err != nil || ok {
			return err
		}
		select {
		case <-done:
			return nil
		case <-recheck.C:
		case <-deadline.C:
			return fmt.Errorf("%w: %s of trade %s within %s", ErrPredecessorMissing, in.Milestone, in.TradeID, within)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// hasRecord reads whether the trade's chain holds the milestone with the hash.
func (c *Client) hasRecord(ctx context.Context, in RecordInput) (bool, error) {
	rs, err := c.Milestones(ctx, in.TradeID)
	if err != nil {
		return false, err
	}
	for _, r := range rs {
		if r.Milestone == in.Milestone && r.EventHash == in.SHA256 {
			return true, nil
		}
	}
	return false, nil
}

// commitWatch wakes the waits of AwaitRecorded from the chaincode's events.
type commitWatch struct {
	mu      sync.Mutex
	waits   map[string][]chan struct{}
	started bool
	stop    context.CancelFunc
}

func commitKey(tradeID, milestone, hash string) string {
	return tradeID + "\x00" + milestone + "\x00" + hash
}

// await registers a wait (before the chain is read, so no commit falls between the two) and
// starts the event stream on first use.
func (w *commitWatch) await(c *Client, tradeID, milestone, hash string) chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.started {
		w.started = true
		ctx, cancel := context.WithCancel(context.Background())
		w.stop = cancel
		go w.listen(ctx, c)
	}
	if w.waits == nil {
		w.waits = map[string][]chan struct{}{}
	}
	ch := make(chan struct{})
	k := commitKey(tradeID, milestone, hash)
	w.waits[k] = append(w.waits[k], ch)
	return ch
}

func (w *commitWatch) forget(tradeID, milestone, hash string, ch chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	k := commitKey(tradeID, milestone, hash)
	rest := w.waits[k][:0]
	for _, c := range w.waits[k] {
		if c != ch {
			rest = append(rest, c)
		}
	}
	if len(rest) == 0 {
		delete(w.waits, k)
	} else {
		w.waits[k] = rest
	}
}

func (w *commitWatch) committed(r Record) {
	w.mu.Lock()
	defer w.mu.Unlock()
	k := commitKey(r.TradeID, r.Milestone, r.EventHash)
	for _, ch := range w.waits[k] {
		close(ch)
	}
	delete(w.waits, k)
}

// listen follows the chaincode's events until ctx ends, reconnecting after the block it saw last
// when the stream breaks (a peer restart).
func (w *commitWatch) listen(ctx context.Context, c *Client) {
	var next uint64
	for ctx.Err() == nil {
		var opts []client.ChaincodeEventsOption
		if next > 0 {
			opts = append(opts, client.WithStartBlock(next))
		}
		events, err := c.network.ChaincodeEvents(ctx, c.contract.ChaincodeName(), opts...)
		if err == nil {
			for ev := range events {
				next = ev.BlockNumber // a block may hold several events: start again at it
				for _, r := range recordsOf(ev) {
					w.committed(r)
				}
			}
		}
		select { // the waits read the chain meanwhile (awaitRecheck)
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (w *commitWatch) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stop != nil {
		w.stop()
	}
}

// The chaincode's events for a transaction that added one record and for one that added several
// (chaincode/milestone's EventRecorded and EventBatchRecorded: the chaincode module is not
// imported here).
const (
	recordedEvent      = "MilestoneRecorded"
	batchRecordedEvent = "MilestonesRecorded"
)

// recordsOf is the records a chaincode event announces (none for another event or a payload
// that does not decode).
func recordsOf(ev *client.ChaincodeEvent) []Record {
	var rs []Record
	switch ev.EventName {
	case recordedEvent:
		var r Record
		if json.Unmarshal(ev.Payload, &r) == nil {
			rs = append(rs, r)
		}
	case batchRecordedEvent:
		_ = json.Unmarshal(ev.Payload, &rs)
	}
	return rs
}

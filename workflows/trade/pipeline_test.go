package trade

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/ledger"
)

// fakeChain is the fake ledger's chain for the pipelined batches: a batch waits until the
// milestone before it is committed, as the ledger agents do on the real chain.
type fakeChain struct {
	mu         sync.Mutex
	has        map[string]bool
	waiting    atomic.Int32
	maxWaiting atomic.Int32 // the most batches that waited on their predecessor at once
	within     time.Duration
}

// recordAfter is the fake pipelined batch over record (which decides each commit, as
// ledger.RecordEach does: the prefix committed, or the first one's error) and receipt.
func (c *fakeChain) recordAfter(ctx context.Context, in ledger.RecordAfterInput, record func(ledger.RecordInput) error,
	receipt func(ledger.RecordInput) ledger.Receipt) ([]ledger.Receipt, error) {
	if err := c.await(ctx, in.After); err != nil {
		return nil, err
	}
	var rs []ledger.Receipt
	for _, m := range in.Milestones {
		if err := record(m); err != nil {
			if len(rs) == 0 {
				return nil, err
			}
			return rs, nil
		}
		c.commit(m)
		rs = append(rs, receipt(m))
	}
	return rs, nil
}

// lastChain is the chain of the latest env.
var lastChain *fakeChain

func newFakeChain() *fakeChain {
	lastChain = &fakeChain{has: map[string]bool{}, within: 5 * time.Second}
	return lastChain
}

func (c *fakeChain) commit(in ledger.RecordInput) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.has[in.TradeID+"/"+in.Milestone+"/"+in.SHA256] = true
}

func (c *fakeChain) committed(in ledger.RecordInput) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.has[in.TradeID+"/"+in.Milestone+"/"+in.SHA256]
}

// await waits for after (nil: none) like the agent's AwaitRecorded, failing as the agent's
// activity does when it does not come.
func (c *fakeChain) await(ctx context.Context, after *ledger.RecordInput) error {
	if after == nil {
		return nil
	}
	n := c.waiting.Add(1)
	defer c.waiting.Add(-1)
	for m := c.maxWaiting.Load(); n > m; m = c.maxWaiting.Load() {
		if c.maxWaiting.CompareAndSwap(m, n) {
			break
		}
	}
	for deadline := time.Now().Add(c.within); !c.committed(*after); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) || ctx.Err() != nil {
			return temporal.NewNonRetryableApplicationError("not recorded: "+after.Milestone, ledger.PredecessorMissingErrorType, nil)
		}
	}
	return nil
}

// Everything up to honour arrives at once: the whole row goes out in one go, one batch per run
// of one organisation's milestones, each waiting on the ledger for the one before, and the
// ledger gets exactly what the one-at-a-time path commits, in its order.
func TestAReadyRowIsScheduledAtOnceAndCommittedInOrder(t *testing.T) {
	e, calls := env(t)
	for i, s := range happyPath[:9] {
		signal(e, time.Millisecond, s, fmt.Sprintf("ev-%d", i))
	}
	for i, s := range happyPath[9:] {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i+9))
	}
	st := run(t, e, Input{TradeID: "T-7"})
	if fmt.Sprint(*calls) != fmt.Sprint(happyLedger) || st.Status != StatusClosed || len(st.Pending) != 0 {
		t.Fatalf("ledger calls:\n got %v\nwant %v\nstatus %s", *calls, happyLedger, st.Status)
	}
	// APPLIED (signalled first, alone); ISSUED, ADVISED+ACCEPTED, CLEARED+SHIPPED, PRESENTED,
	// HONOURED in one row; SETTLED; RELEASED with CLOSED after it in the same row.
	if fmt.Sprint(batches) != "[1 1 2 2 1 1 1 1 1]" {
		t.Errorf("batches %v", batches)
	}
	if lastChain.maxWaiting.Load() < 3 {
		t.Errorf("at most %d batches waited on the ledger at once: the row was not pipelined", lastChain.maxWaiting.Load())
	}
	for i, m := range st.Milestones {
		if m.TxID == "" || m.Error != "" {
			t.Errorf("milestone %d %s: tx %q error %q", i, m.Name, m.TxID, m.Error)
		}
	}
}

// A refusal in a row ends it: the batch commits its prefix, the batches after it are cancelled,
// the refused milestone comes back alone and shows its error, and what does not need it (export
// clearance) is committed in the next row.
func TestARefusalInARowCancelsTheBatchesAfterIt(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	e := s.NewTestWorkflowEnvironment()
	chain := newFakeChain()
	chain.within = 100 * time.Millisecond
	var mu sync.Mutex
	var calls []string
	e.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordAfterInput) ([]ledger.Receipt, error) {
		if err := chain.await(ctx, in.After); err != nil {
			return nil, err
		}
		var rs []ledger.Receipt
		for _, m := range in.Milestones {
			mu.Lock()
			calls = append(calls, m.Milestone)
			mu.Unlock()
			if m.Milestone == string(rules.LCAccepted) {
				err := temporal.NewNonRetryableApplicationError("ledger: NOT_ENTITLED: no", ledger.RefusalErrorType, nil)
				if len(rs) == 0 {
					return nil, err
				}
				return rs, nil // ledger.RecordEach: the prefix committed
			}
			chain.commit(m)
			rs = append(rs, ledger.Receipt{Record: ledger.Record{TxID: "tx-" + m.Milestone, EventHash: m.SHA256}, Block: 1})
		}
		return rs, nil
	}, activity.RegisterOptions{Name: ledger.RecordAfterActivity})
	for i, typ := range happyPath[:5] {
		signal(e, time.Millisecond, typ, fmt.Sprintf("ev-%d", i))
	}
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if fmt.Sprint(names(st.Milestones)) != "[LC_APPLIED LC_ISSUED LC_ADVISED LC_ACCEPTED EXPORT_CLEARED]" || st.Milestones[3].Error == "" ||
			st.Milestones[2].Error != "" || st.Milestones[4].TxID == "" || len(st.Pending) != 0 {
			t.Errorf("state after a refusal in a row: %+v", st)
		}
		e.CancelWorkflow()
	}, 10*time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-8"})
	if fmt.Sprint(calls) != "[LC_APPLIED LC_ISSUED LC_ADVISED LC_ACCEPTED LC_ACCEPTED EXPORT_CLEARED]" {
		t.Fatalf("ledger calls after a refusal: %v", calls)
	}
}

// A batch whose predecessor did not reach the ledger in time hands its milestones back, and the
// workflow schedules them again: nothing is lost or marked failed.
func TestABatchWhosePredecessorDidNotComeIsScheduledAgain(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	e := s.NewTestWorkflowEnvironment()
	chain := newFakeChain()
	var missed atomic.Bool
	e.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordAfterInput) ([]ledger.Receipt, error) {
		if in.After != nil && !missed.Swap(true) {
			return nil, temporal.NewNonRetryableApplicationError("not recorded", ledger.PredecessorMissingErrorType, nil)
		}
		if err := chain.await(ctx, in.After); err != nil {
			return nil, err
		}
		var rs []ledger.Receipt
		for _, m := range in.Milestones {
			chain.commit(m)
			rs = append(rs, ledger.Receipt{Record: ledger.Record{TxID: "tx-" + m.Milestone, EventHash: m.SHA256}, Block: 1})
		}
		return rs, nil
	}, activity.RegisterOptions{Name: ledger.RecordAfterActivity})
	for i, typ := range happyPath[:4] {
		signal(e, time.Millisecond, typ, fmt.Sprintf("ev-%d", i))
	}
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if len(st.Milestones) != 4 || len(st.Pending) != 0 || !missed.Load() {
			t.Errorf("state after a missed predecessor: %+v", st)
		}
		for _, m := range st.Milestones {
			if m.TxID == "" || m.Error != "" {
				t.Errorf("%s: tx %q error %q", m.Name, m.TxID, m.Error)
			}
		}
		e.CancelWorkflow()
	}, 10*time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-9"})
}

// readyRow takes CLOSED into the row as soon as the release and the settlement are both in it
// or on the ledger, and nothing after a milestone that ends the trade.
func TestReadyRowClosesAndEnds(t *testing.T) {
	var s rules.State
	for _, m := range []rules.Type{rules.LCApplied, rules.LCIssued, rules.LCAdvised, rules.LCAccepted, rules.ExportCleared, rules.Shipped,
		rules.DocumentsPresented, rules.Honoured} {
		s = s.After(m)
	}
	pending := []Milestone{{Name: string(rules.Settled), MSPID: rules.ImporterBank, EventID: "s"},
		{Name: string(rules.ImportReleased), MSPID: rules.Customs, EventID: "r"}}
	tr := &tradeRun{}
	row := readyRow(pending, s, tr.closeDue, false)
	if got := fmt.Sprint(names(row)); got != "[SETTLED IMPORT_RELEASED CLOSED]" || row[2].EventID != "r/closed" || row[2].MSPID != rules.ImporterBank {
		t.Fatalf("row %s (%+v)", got, row)
	}
	cancelled := []Milestone{{Name: string(rules.Cancelled), MSPID: rules.ImporterBank, EventID: "c"}, pending[0]}
	if got := fmt.Sprint(names(readyRow(cancelled, rules.State{}.After(rules.LCApplied), tr.closeDue, false))); got != "[CANCELLED]" {
		t.Fatalf("row after CANCELLED: %s", got)
	}
}

func names(ms []Milestone) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

// TestAGroupedRowBatchesEachOrganisationsReadyMilestones (groupedRowsChange): a lone trade's
// milestones, ready in the order its events arrived (the organisations interleaved), form a row
// of three batches after the issue — customs', the advising bank's, the issuing bank's — instead
// of six; each organisation's own milestones keep their order; a milestone that ends the trade
// is not passed for a batch-mate.
func TestAGroupedRowBatchesEachOrganisationsReadyMilestones(t *testing.T) {
	s := rules.State{}.After(rules.LCApplied)
	ms := func(names ...rules.Type) []Milestone {
		var out []Milestone
		for _, n := range names {
			out = append(out, Milestone{Name: string(n), MSPID: rules.EntitledOrg(n), EventID: string(n)})
		}
		return out
	}
	arrived := ms(rules.LCIssued, rules.ExportCleared, rules.LCAdvised, rules.Shipped, rules.LCAccepted, rules.DocumentsPresented, rules.Honoured)
	tr := &tradeRun{}
	batches := func(row []Milestone) string {
		var out []string
		for _, seg := range segments(row) {
			out = append(out, fmt.Sprint(names(seg)))
		}
		return fmt.Sprint(out)
	}
	if got := batches(readyRow(arrived, s, tr.closeDue, false)); got != "[[LC_ISSUED] [EXPORT_CLEARED] [LC_ADVISED] [SHIPPED] [LC_ACCEPTED DOCUMENTS_PRESENTED] [HONOURED]]" {
		t.Fatalf("in arrival order: %s", got)
	}
	if got := batches(readyRow(arrived, s, tr.closeDue, true)); got != "[[LC_ISSUED] [EXPORT_CLEARED SHIPPED] [LC_ADVISED LC_ACCEPTED DOCUMENTS_PRESENTED] [HONOURED]]" {
		t.Fatalf("grouped: %s", got)
	}
	// The issuing bank's CANCELLED came first: it is taken before its batch-mate's would-be
	// successor, and nothing follows it.
	cancelled := ms(rules.ExportCleared, rules.Cancelled, rules.Shipped)
	if got := batches(readyRow(cancelled, s, tr.closeDue, true)); got != "[[EXPORT_CLEARED] [CANCELLED]]" {
		t.Fatalf("a row with CANCELLED: %s", got)
	}
}

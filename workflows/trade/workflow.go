package trade

import (
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/ledger"
)

// Workflow runs one trade until it closes or its credit expires. Deterministic: time comes from
// workflow.Now, waiting from timers and signals. Signals are taken in by a coroutine of their own,
// so the trade's events show in the state query even while a ledger commit is in flight.
func Workflow(ctx workflow.Context, in Input) (State, error) {
	t := &tradeRun{st: State{TradeID: in.TradeID, Status: StatusRunning, LCExpiry: in.LCExpiry}, seen: map[string]bool{}}
	if err := workflow.SetQueryHandler(ctx, StateQuery, func() (State, error) { return t.st, nil }); err != nil {
		return t.st, err
	}
	signals := workflow.GetSignalChannel(ctx, EventSignal)
	workflow.Go(ctx, func(ctx workflow.Context) {
		for {
			var ev Event
			signals.Receive(ctx, &ev)
			t.receive(ev)
		}
	})
	for t.st.Status == StatusRunning {
		expiry := t.st.LCExpiry
		woken := func() bool { return t.ready() || !t.st.LCExpiry.Equal(expiry) }
		if expiry.IsZero() || t.honoured() {
			if err := workflow.Await(ctx, woken); err != nil {
				return t.st, err
			}
		} else if left := expiry.Sub(workflow.Now(ctx)); left <= 0 {
			t.expire(ctx)
			continue
		} else if ok, err := workflow.AwaitWithTimeout(ctx, left, woken); err != nil {
			return t.st, err
		} else if !ok {
			t.expire(ctx)
			continue
		}
		t.commitReady(ctx)
	}
	return t.st, nil
}

// tradeRun is the workflow's state and the steps it takes.
type tradeRun struct {
	st   State
	seen map[string]bool
}

// receive takes an event in: it is recorded, and its milestone waits for its turn.
func (t *tradeRun) receive(ev Event) {
	if t.seen[ev.ID] { // Kafka delivers at least once; a signal may come twice
		return
	}
	t.seen[ev.ID] = true
	t.st.Events = append(t.st.Events, ev)
	t.st.Parties = mergeParties(t.st.Parties, ev.Parties)
	if !ev.LCExpiry.IsZero() && t.st.LCExpiry.IsZero() {
		t.st.LCExpiry = ev.LCExpiry
	}
	if name := milestoneFor(ev.Type); name != "" {
		t.st.Pending = append(t.st.Pending, Milestone{Name: string(name), MSPID: rules.EntitledOrg(name),
			EventID: ev.ID, SHA256: ev.SHA256, trace: ev.Trace})
	}
	if ev.Payment != nil {
		t.st.Payment.Ref = ev.Payment
	}
}

func (t *tradeRun) ready() bool {
	_, ok := nextReady(t.st.Pending, t.last())
	return ok
}

// commitReady commits every pending milestone whose predecessor is on the ledger, in order.
func (t *tradeRun) commitReady(ctx workflow.Context) {
	batching := workflow.GetVersion(ctx, batchMilestonesChange, workflow.DefaultVersion, 1) >= 1
	for t.st.Status == StatusRunning {
		i, ok := nextReady(t.st.Pending, t.last())
		if !ok {
			return
		}
		if batching {
			if run := readyRun(t.st.Pending, i); len(run) > 1 {
				if !t.commitRun(ctx, run) {
					return // as below: the chain stops at the milestone that failed
				}
				continue
			}
		}
		m := t.st.Pending[i]
		ok = t.commit(ctx, m) // the query shows it pending until the ledger answers
		t.st.Pending = append(t.st.Pending[:i:i], t.st.Pending[i+1:]...)
		if !ok {
			return // the chain stops here: what follows waits, and the timeline shows why
		}
		t.after(ctx, m)
	}
}

// after takes the step a committed milestone calls for.
func (t *tradeRun) after(ctx workflow.Context, m Milestone) {
	switch rules.Type(m.Name) {
	case rules.Honoured:
		t.instructPayment(ctx)
	case rules.ImportReleased:
		// The goods are released and the credit is paid: the issuing bank closes the trade.
		t.commit(ctx, Milestone{Name: string(rules.Closed), MSPID: rules.EntitledOrg(rules.Closed),
			EventID: m.EventID + "/closed", trace: m.trace})
		t.st.Status = StatusClosed
	case rules.Expired, rules.Cancelled:
		t.st.Status = StatusExpired
	}
}

// commitRun commits a run of pending milestones (indexes into Pending, see readyRun) in one
// ledger activity. The receipts cover a prefix of the run: those milestones are committed, the
// rest stay pending for the next round, where a failure among them comes back on its own. It
// reports whether the first committed.
func (t *tradeRun) commitRun(ctx workflow.Context, run []int) bool {
	ms := make([]Milestone, len(run))
	for k, i := range run {
		ms[k] = t.st.Pending[i]
	}
	rs, err := recordRun(ctx, t.st.TradeID, ms)
	if err != nil { // the first failed: as a single commit's failure
		ms[0].Error = err.Error()
		workflow.GetLogger(ctx).Error("milestone not recorded", "milestone", ms[0].Name, "error", err)
		rs = nil
	}
	done := map[int]bool{}
	for k, r := range rs {
		m := ms[k]
		m.TxID, m.Block, m.SHA256 = r.TxID, r.Block, r.EventHash
		t.st.Milestones = append(t.st.Milestones, m)
		done[run[k]] = true
	}
	if err != nil {
		t.st.Milestones = append(t.st.Milestones, ms[0])
		done[run[0]] = true
	}
	kept := t.st.Pending[:0:0]
	for i, m := range t.st.Pending {
		if !done[i] {
			kept = append(kept, m)
		}
	}
	t.st.Pending = kept
	if err != nil || len(rs) == 0 {
		return false
	}
	t.after(ctx, ms[len(rs)-1])
	return true
}

// instructPayment has settlement pay the honoured presentation: the step after honour is the
// workflow's to drive, not a person's. Settlement raises the payment from lc.honoured.v1 on its
// own; until it has, the activity fails and Temporal retries it.
func (t *tradeRun) instructPayment(ctx workflow.Context) {
	if t.st.Payment.Ref == nil {
		t.st.Payment.Error = "lc.honoured.v1 named no presentation to pay"
		return
	}
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		TaskQueue: contracts.SettlementTaskQueue,
		// A payment above the debtor bank's four-eyes limit waits for a second user's approval,
		// which may take days: settlement answers "awaiting approval" (retryable) until then.
		ScheduleToCloseTimeout: 30 * 24 * time.Hour,
		StartToCloseTimeout:    30 * time.Second,
		RetryPolicy:            &temporal.RetryPolicy{InitialInterval: 200 * time.Millisecond, BackoffCoefficient: 2, MaximumInterval: time.Minute},
	})
	err := workflow.ExecuteActivity(ctx, contracts.InstructPaymentActivity, *t.st.Payment.Ref).Get(ctx, &t.st.Payment.Status)
	if err != nil {
		t.st.Payment.Error = err.Error()
		workflow.GetLogger(ctx).Error("payment not instructed", "error", err)
	}
}

// expire commits EXPIRED when the credit's expiry passes unhonoured, so nothing can pay under it.
func (t *tradeRun) expire(ctx workflow.Context) {
	if t.last() == "" { // nothing on the ledger to expire: the trade just ends
		t.st.Status = StatusExpired
		return
	}
	t.commit(ctx, Milestone{Name: string(rules.Expired), MSPID: rules.EntitledOrg(rules.Expired),
		EventID: t.st.TradeID + "/expired", SHA256: ""})
	t.st.Status = StatusExpired
}

// commit records the milestone on the ledger and in the state; it reports whether it committed.
func (t *tradeRun) commit(ctx workflow.Context, m Milestone) bool {
	r, err := record(ctx, t.st.TradeID, m)
	if err != nil {
		m.Error = err.Error()
		workflow.GetLogger(ctx).Error("milestone not recorded", "milestone", m.Name, "error", err)
	} else {
		m.TxID, m.Block, m.SHA256 = r.TxID, r.Block, r.EventHash
	}
	t.st.Milestones = append(t.st.Milestones, m)
	return err == nil
}

// last is the last milestone on the ledger ("" before the first).
func (t *tradeRun) last() string {
	for i := len(t.st.Milestones) - 1; i >= 0; i-- {
		if t.st.Milestones[i].Error == "" {
			return t.st.Milestones[i].Name
		}
	}
	return ""
}

func (t *tradeRun) honoured() bool {
	for _, m := range t.st.Milestones {
		if m.Name == string(rules.Honoured) && m.Error == "" {
			return true
		}
	}
	return false
}

// recordOptions are the ledger activities' options: on the task queue of the organisation that
// commits, retried while the failure may pass.
func recordOptions(mspID string) workflow.ActivityOptions {
	return workflow.ActivityOptions{
		TaskQueue:           ledger.TaskQueue(mspID),
		StartToCloseTimeout: time.Minute,
		RetryPolicy: &temporal.RetryPolicy{ // recording is idempotent on the chaincode side
			InitialInterval: time.Second, MaximumInterval: 30 * time.Second, MaximumAttempts: 20,
			NonRetryableErrorTypes: []string{ledger.RefusalErrorType, ledger.UnjustifiedErrorType},
		},
	}
}

// record runs the ledger activity on the task queue of the organisation that commits it.
func record(ctx workflow.Context, tradeID string, m Milestone) (ledger.Receipt, error) {
	ctx = workflow.WithActivityOptions(ctx, recordOptions(m.MSPID))
	hash := m.SHA256
	if hash == "" { // a milestone the workflow makes itself (EXPIRED) is fingerprinted by its ID
		hash = sha256Hex(m.EventID)
	}
	var r ledger.Receipt
	err := workflow.ExecuteActivity(ctx, ledger.RecordMilestoneActivity,
		ledger.RecordInput{TradeID: tradeID, Milestone: m.Name, SHA256: hash, Trace: m.trace}).Get(ctx, &r)
	return r, err
}

// recordRun runs the batched ledger activity on the task queue of the organisation that commits
// every milestone of the run.
func recordRun(ctx workflow.Context, tradeID string, ms []Milestone) ([]ledger.Receipt, error) {
	ctx = workflow.WithActivityOptions(ctx, recordOptions(ms[0].MSPID))
	ins := make([]ledger.RecordInput, len(ms))
	for k, m := range ms {
		ins[k] = ledger.RecordInput{TradeID: tradeID, Milestone: m.Name, SHA256: m.SHA256, Trace: m.trace}
	}
	var rs []ledger.Receipt
	err := workflow.ExecuteActivity(ctx, ledger.RecordMilestonesActivity, ins).Get(ctx, &rs)
	return rs, err
}

// mergeParties adds the event's parties to the trade's, kept sorted (deterministic).
func mergeParties(have, add []string) []string {
	for _, p := range add {
		if i, found := slices.BinarySearch(have, p); !found {
			have = slices.Insert(have, i, p)
		}
	}
	return have
}

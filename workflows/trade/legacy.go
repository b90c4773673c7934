package trade

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// legacyWorkflow is the workflow as it ran before lifecycleChange (frozen: histories it wrote
// replay through it). It runs one trade until it closes or its credit expires. Deterministic: time comes from
// workflow.Now, waiting from timers and signals. Signals are taken in by a coroutine of their own,
// so the trade's events show in the state query even while a ledger commit is in flight.
func legacyWorkflow(ctx workflow.Context, in Input) (State, error) {
	t := &legacyRun{st: State{TradeID: in.TradeID, Status: StatusRunning, LCExpiry: in.LCExpiry}, seen: map[string]bool{}}
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

// legacyRun is the workflow's state and the steps it takes.
type legacyRun struct {
	st   State
	seen map[string]bool
}

// receive takes an event in: it is recorded, and its milestone waits for its turn.
func (t *legacyRun) receive(ev Event) {
	if t.seen[ev.ID] { // Kafka delivers at least once; a signal may come twice
		return
	}
	t.seen[ev.ID] = true
	t.st.Events = append(t.st.Events, ev)
	t.st.Parties = mergeParties(t.st.Parties, ev.Parties)
	if !ev.LCExpiry.IsZero() && t.st.LCExpiry.IsZero() {
		t.st.LCExpiry = ev.LCExpiry
	}
	if name := legacyMilestoneFor(ev.Type); name != "" {
		t.st.Pending = append(t.st.Pending, Milestone{Name: string(name), MSPID: rules.EntitledOrg(name),
			EventID: ev.ID, SHA256: ev.SHA256, trace: ev.Trace})
	}
	if ev.Payment != nil {
		t.st.Payment.Ref = ev.Payment
	}
}

func (t *legacyRun) ready() bool {
	_, ok := legacyNextReady(t.st.Pending, t.last())
	return ok
}

// commitReady commits every pending milestone whose predecessor is on the ledger, in order.
func (t *legacyRun) commitReady(ctx workflow.Context) {
	batching := workflow.GetVersion(ctx, batchMilestonesChange, workflow.DefaultVersion, 1) >= 1
	for t.st.Status == StatusRunning {
		i, ok := legacyNextReady(t.st.Pending, t.last())
		if !ok {
			return
		}
		if batching {
			if run := legacyReadyRun(t.st.Pending, i); len(run) > 1 {
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
func (t *legacyRun) after(ctx workflow.Context, m Milestone) {
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
func (t *legacyRun) commitRun(ctx workflow.Context, run []int) bool {
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
func (t *legacyRun) instructPayment(ctx workflow.Context) {
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
func (t *legacyRun) expire(ctx workflow.Context) {
	if t.last() == "" { // nothing on the ledger to expire: the trade just ends
		t.st.Status = StatusExpired
		return
	}
	t.commit(ctx, Milestone{Name: string(rules.Expired), MSPID: rules.EntitledOrg(rules.Expired),
		EventID: t.st.TradeID + "/expired", SHA256: ""})
	t.st.Status = StatusExpired
}

// commit records the milestone on the ledger and in the state; it reports whether it committed.
func (t *legacyRun) commit(ctx workflow.Context, m Milestone) bool {
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
func (t *legacyRun) last() string {
	for i := len(t.st.Milestones) - 1; i >= 0; i-- {
		if t.st.Milestones[i].Error == "" {
			return t.st.Milestones[i].Name
		}
	}
	return ""
}

func (t *legacyRun) honoured() bool {
	for _, m := range t.st.Milestones {
		if m.Name == string(rules.Honoured) && m.Error == "" {
			return true
		}
	}
	return false
}

// legacyNextReady finds the first pending milestone the chaincode would accept after last: services
// publish on separate topics, so a customs clearance may arrive before the credit's acceptance
// even though the ledger wants them the other way round.
func legacyNextReady(pending []Milestone, last string) (int, bool) {
	for i, m := range pending {
		if legacyAccepts(rules.Type(m.Name), rules.Type(last), m.MSPID) {
			return i, true
		}
	}
	return 0, false
}

// batchMilestonesChange versions the workflow's batching of ready milestones (commitRun):
// histories recorded before it commit one milestone per activity and replay that way.
const batchMilestonesChange = "batch-ready-milestones"

// legacyReadyRun is the pending milestones (indexes into pending, first at i, which is ready) that
// can be committed in one ledger activity: each the one legacyNextReady would pick after the one
// before, all of one organisation (one agent signs them), and none before the last calling for
// a step of the workflow's own (instructing payment after HONOURED, closing after
// IMPORT_RELEASED, ending after EXPIRED or CANCELLED), which must come between.
func legacyReadyRun(pending []Milestone, i int) []int {
	run := []int{i}
	for used := map[int]bool{i: true}; ; {
		last := pending[run[len(run)-1]]
		switch rules.Type(last.Name) {
		case rules.Honoured, rules.ImportReleased, rules.Expired, rules.Cancelled:
			return run
		}
		// The one the single-milestone path would take next (the first accepted, in arrival
		// order), and only if the same organisation commits it: batching never reorders.
		next := -1
		for j, m := range pending {
			if !used[j] && legacyAccepts(rules.Type(m.Name), rules.Type(last.Name), m.MSPID) {
				next = j
				break
			}
		}
		if next < 0 || pending[next].MSPID != last.MSPID {
			return run
		}
		run, used[next] = append(run, next), true
	}
}

// legacyOrder is the chaincode's order as it was before the partial order (one line, each
// milestone after one of these): frozen here, so a recorded history commits in the order it did.
var legacyOrder = map[rules.Type][]rules.Type{
	rules.LCApplied:          nil,
	rules.LCIssued:           {rules.LCApplied},
	rules.LCAdvised:          {rules.LCIssued},
	rules.LCAccepted:         {rules.LCAdvised},
	rules.ExportCleared:      {rules.LCAccepted},
	rules.Shipped:            {rules.ExportCleared},
	rules.DocumentsPresented: {rules.Shipped, rules.DocumentsRefused},
	rules.DocumentsRefused:   {rules.DocumentsPresented},
	rules.DiscrepancyWaived:  {rules.DocumentsRefused},
	rules.Honoured:           {rules.DocumentsPresented, rules.DiscrepancyWaived},
	rules.Settled:            {rules.Honoured},
	rules.ImportReleased:     {rules.Settled},
	rules.Closed:             {rules.ImportReleased},
	rules.Expired:            legacyBeforeHonour,
	rules.Cancelled:          legacyBeforeHonour,
}

var legacyBeforeHonour = []rules.Type{rules.LCApplied, rules.LCIssued, rules.LCAdvised, rules.LCAccepted, rules.ExportCleared,
	rules.Shipped, rules.DocumentsPresented, rules.DocumentsRefused, rules.DiscrepancyWaived}

// legacyAccepts is the old rules.Check: org may record next right after last.
func legacyAccepts(next, last rules.Type, org string) bool {
	after, ok := legacyOrder[next]
	if !ok || rules.EntitledOrg(next) != org {
		return false
	}
	if len(after) == 0 {
		return last == ""
	}
	for _, a := range after {
		if a == last {
			return true
		}
	}
	return false
}

// legacyMilestoneFor: the old runs knew no LC_AMENDED.
func legacyMilestoneFor(eventType string) rules.Type {
	if eventType == "lc.amended.v1" {
		return ""
	}
	return rules.Type(contracts.Milestone(eventType))
}

package trade

import (
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/ledger"
)

// lifecycleChange versions the trade's lifecycle as it is now: milestones committed in the
// chaincode's partial order, the expiry decided by the LC service at its presentable-until
// instant, failed payments driven again, ledger commits retried until they pass, waits that
// make a trade stuck, and continue-as-new. Runs started before it replay through legacyWorkflow.
const lifecycleChange = "lifecycle-partial-order"

// Defaults of Input's tunables.
const (
	DefaultStuckAfter    = 15 * time.Minute
	DefaultContinueAfter = 500
	// MaxEvents bounds the events a run keeps in its state (the latest), so neither the state
	// nor what continue-as-new carries grows with a trade's transport events.
	MaxEvents = 100
)

// Workflow runs one trade until it closes, its credit expires or is cancelled. Deterministic:
// time comes from workflow.Now, waiting from timers and signals; every change of its logic is
// behind workflow.GetVersion, and testdata's recorded histories replay (TestRecordedHistoriesReplay).
func Workflow(ctx workflow.Context, in Input) (State, error) {
	ctx = withBaseline(ctx) // baseline.go
	if changeVersion(ctx, lifecycleChange) == workflow.DefaultVersion {
		return legacyWorkflow(ctx, in)
	}
	return lifecycle(ctx, in)
}

// lifecycle is the workflow since lifecycleChange.
func lifecycle(ctx workflow.Context, in Input) (State, error) {
	t := newTradeRun(in)
	t.drawings = drawingsOn(ctx)
	t.received = receivedOn(ctx)
	t.reimbursementRetry = reimbursementRetryOn(ctx)
	if err := workflow.SetQueryHandler(ctx, StateQuery, func() (State, error) { return t.st, nil }); err != nil {
		return t.st, err
	}
	// Signals are taken in by a coroutine of their own, so the trade's events show in the state
	// query even while a ledger commit is in flight; the payment and the watch over waits run
	// beside the commits, so a payment awaiting correction for days holds back no milestone.
	signals := workflow.GetSignalChannel(ctx, EventSignal)
	workflow.Go(ctx, func(ctx workflow.Context) {
		for {
			var ev Event
			signals.Receive(ctx, &ev)
			t.receive(ev)
		}
	})
	workflow.Go(ctx, t.payments)
	workflow.Go(ctx, t.watch)
	if changeVersion(ctx, examinationDeadlineChange) == 1 {
		workflow.Go(ctx, t.examinationDeadlines)
	}
	if t.discounting = discountingOn(ctx); t.discounting {
		workflow.Go(ctx, t.discounts) // discounting.go
	}
	for t.st.Status == StatusRunning {
		t.commitReady(ctx)
		if t.st.Status != StatusRunning {
			break
		}
		if t.continueDue(ctx) {
			for { // what arrived meanwhile goes with the state, not lost with this run
				var ev Event
				if !signals.ReceiveAsync(&ev) {
					break
				}
				t.receive(ev)
			}
			return t.st, workflow.NewContinueAsNewError(ctx, Workflow, t.carry())
		}
		if err := t.awaitChange(ctx); err != nil {
			return t.st, err
		}
	}
	return t.st, nil
}

// tradeRun is the workflow's state and the steps it takes.
type tradeRun struct {
	st            State
	ledger        rules.State // what the chaincode holds of the trade: the milestones committed
	stuckAfter    time.Duration
	maxBackoff    time.Duration
	continueAfter int
	signals       int       // signals this run received
	cancelling    bool      // lc.cancelled.v1 arrived: no commit is waited for longer than cancelGrace
	wake          bool      // something the expiry timer depends on changed
	deferredAt    time.Time // when the LC service last deferred the expiry
	drawings      bool      // the run follows drawingsChange (drawings.go)
	received      bool      // the run follows receivedCreditChange (received.go)
	// reimbursementRetry: the run follows reimbursementRetryChange (reimbursement_retry.go)
	reimbursementRetry bool
	pipeline           int8 // pipelinedCommitsChange: 0 not asked yet, 1 no, 2 yes (pipeline.go)
	grouped            bool // the run follows groupedRowsChange (pipeline.go)
	discounting        bool // the run follows discountingChange (discounting.go)
	closeQueued        bool // CLOSED is in the row in flight: the steps before it close nothing
}

func newTradeRun(in Input) *tradeRun {
	t := &tradeRun{st: State{TradeID: in.TradeID, Status: StatusRunning}, stuckAfter: in.StuckAfter, continueAfter: in.ContinueAfter, maxBackoff: in.MaxBackoff}
	if in.Resume != nil {
		t.st = *in.Resume
		t.st.Runs++
	}
	if t.stuckAfter <= 0 {
		t.stuckAfter = DefaultStuckAfter
	}
	if t.continueAfter <= 0 {
		t.continueAfter = DefaultContinueAfter
	}
	if t.maxBackoff <= 0 {
		t.maxBackoff = time.Minute
	}
	for _, m := range t.st.Milestones {
		if m.Error == "" {
			t.ledger = t.ledger.AfterDrawing(rules.Type(m.Name), m.Drawing)
		}
	}
	for _, m := range t.st.Pending {
		t.cancelling = t.cancelling || m.Name == string(rules.Cancelled)
	}
	return t
}

// receive takes an event in: it is recorded, and its milestone waits for its prerequisites.
func (t *tradeRun) receive(ev Event) {
	if t.known(ev) { // Kafka delivers at least once; a signal may come twice
		return
	}
	t.signals++
	t.st.EventsReceived++
	t.st.Events = append(t.st.Events, ev)
	if len(t.st.Events) > MaxEvents {
		t.st.Events = slices.Clone(t.st.Events[len(t.st.Events)-MaxEvents:])
	}
	t.st.Parties = mergeParties(t.st.Parties, ev.Parties)
	t.noteExamination(ev)
	if t.st.LCID == "" {
		t.st.LCID = ev.LCID
	}
	name := t.instalmentSettled(&ev, milestoneFor(ev.Type)) // a mixed payment's instalment (instalments.go)
	switch {
	case t.opens(name) && t.st.LCExpiry.IsZero(), name == rules.LCAmended:
		if !ev.LCExpiry.IsZero() { // a new presentable-until instant: a new timer
			t.st.LCExpiry, t.st.Expiry, t.wake = ev.LCExpiry, "", true
		}
	case name == rules.Cancelled:
		t.cancelling = true
	case t.reimbursementFailed(ev): // the reimbursement's, driven again (reimbursement_retry.go)
	case ev.Type == paymentFailed:
		t.st.Payment.Failed = &PaymentFailure{EventID: ev.ID, Reason: ev.Reason, At: ev.Time}
		t.st.Payment.Failures++
		t.st.Payment.Waiting, t.st.Payment.Due = true, true
	}
	if t.st.Expiry == expiryDeferred && onPresentationTrack(name) {
		t.st.Expiry, t.wake = "", true // the pending presentation moved: ask the LC service again
	}
	if name != "" {
		t.st.Pending = append(t.st.Pending, Milestone{Name: string(name), MSPID: rules.CommittingOrg(name, ev.ByConfirmingBank),
			EventID: ev.ID, SHA256: ev.SHA256, Actor: ev.Actor, trace: ev.Trace, Drawing: t.drawingOf(ev, name)})
	}
	if ev.Payment != nil {
		t.st.Payment.Ref = ev.Payment
	}
	t.receiveMaturity(ev)
	t.receiveDiscount(ev)
}

// known: the event was received already (among the events kept, or as a milestone).
func (t *tradeRun) known(ev Event) bool {
	has := func(ms []Milestone) bool {
		return slices.ContainsFunc(ms, func(m Milestone) bool { return m.EventID == ev.ID })
	}
	return has(t.st.Pending) || has(t.st.Milestones) || slices.ContainsFunc(t.st.Events, func(e Event) bool { return e.ID == ev.ID })
}

func onPresentationTrack(m rules.Type) bool {
	switch m {
	case rules.DocumentsPresented, rules.DocumentsRefused, rules.DiscrepancyWaived, rules.Honoured:
		return true
	}
	return false
}

func (t *tradeRun) ready() bool {
	_, ok := nextReady(t.st.Pending, t.ledger)
	return ok
}

// continueDue: the run has taken enough signals (or Temporal suggests it: the history is
// large), so it continues as new, carrying its state, before the history nears its limit.
func (t *tradeRun) continueDue(ctx workflow.Context) bool {
	return t.signals >= t.continueAfter || workflow.GetInfo(ctx).GetContinueAsNewSuggested()
}

// carry is the next run's input: the state, with the waits of this run's steps still to be
// taken again (the payment) and their stuck marks, so the stuck metric counts them once.
func (t *tradeRun) carry() Input {
	st := t.st
	if st.Payment.Ref != nil && hasWait(st.Waits, waitPayment) {
		st.Payment.Due = true // the instruction in flight is made again (it is idempotent)
	}
	st.Waits = slices.DeleteFunc(slices.Clone(st.Waits), func(w Wait) bool { return w.What != waitPayment })
	return Input{TradeID: st.TradeID, StuckAfter: t.stuckAfter, MaxBackoff: t.maxBackoff, ContinueAfter: t.continueAfter, Resume: &st}
}

// awaitChange waits until a milestone is ready, or the expiry timer fires (and then asks the
// LC service), or the run should continue as new.
func (t *tradeRun) awaitChange(ctx workflow.Context) error {
	t.wake = false
	woken := func() bool {
		return t.ready() || t.wake || t.signals >= t.continueAfter || t.st.Status != StatusRunning
	}
	due := t.expiryDue()
	if due.IsZero() {
		return workflow.Await(ctx, woken)
	}
	if left := due.Sub(workflow.Now(ctx)); left > 0 {
		ok, err := workflow.AwaitWithTimeout(ctx, left, woken)
		if err != nil || ok {
			return err
		}
	}
	t.expire(ctx)
	return nil
}

// commitReady commits every pending milestone whose prerequisites are on the ledger.
func (t *tradeRun) commitReady(ctx workflow.Context) {
	if t.pipelined(ctx) {
		t.commitRows(ctx)
		return
	}
	for t.st.Status == StatusRunning {
		i, ok := nextReady(t.st.Pending, t.ledger)
		if !ok {
			return
		}
		if run := readyRun(t.st.Pending, i, t.ledger); len(run) > 1 {
			t.commitRun(ctx, run)
			continue
		}
		m := t.st.Pending[i]
		c := t.commit(ctx, m) // the query shows it pending until the ledger answers
		t.st.Pending = slices.DeleteFunc(slices.Clone(t.st.Pending), func(p Milestone) bool { return p.EventID == m.EventID })
		t.settle(ctx, m, c)
	}
}

// commitRun commits a run of pending milestones (indexes into Pending, see readyRun) in one
// ledger activity. The receipts cover a prefix of the run: those milestones are committed, the
// rest stay pending for the next round, where a failure among them comes back on its own.
func (t *tradeRun) commitRun(ctx workflow.Context, run []int) {
	ms := make([]Milestone, len(run))
	for k, i := range run {
		ms[k] = t.st.Pending[i]
	}
	var rs []ledger.Receipt
	err := t.await(ctx, "commit "+ms[0].Name, func(ctx workflow.Context) workflow.Future {
		return recordRunFuture(ctx, t.st.TradeID, ms, t.maxBackoff)
	}, &rs)
	done := map[int]bool{}
	for k := range rs {
		done[run[k]] = true
	}
	if err != nil {
		done[run[0]] = true
	}
	t.st.Pending = slices.DeleteFunc(slices.Clone(t.st.Pending), func(m Milestone) bool {
		return slices.ContainsFunc(run, func(i int) bool { return done[i] && t.st.Pending[i].EventID == m.EventID })
	})
	for k, r := range rs {
		t.settle(ctx, ms[k], commitResult{receipt: r})
	}
	if err != nil {
		t.settle(ctx, ms[0], commitResult{err: err})
	}
}

// commitResult is a ledger commit's outcome.
type commitResult struct {
	receipt ledger.Receipt
	err     error
}

// settle puts a commit's outcome in the state and takes the step it calls for. A commit given
// up because the trade is cancelled and a refusal that can never pass stay on the timeline with
// their error; a refused milestone holds back every one that needs it.
func (t *tradeRun) settle(ctx workflow.Context, m Milestone, c commitResult) {
	if c.err != nil {
		m.Error = c.err.Error()
		workflow.GetLogger(ctx).Error("milestone not recorded", "milestone", m.Name, "error", c.err)
		t.st.Milestones = append(t.st.Milestones, m)
		return
	}
	m.TxID, m.Block, m.SHA256 = c.receipt.TxID, c.receipt.Block, c.receipt.EventHash
	t.st.Milestones = append(t.st.Milestones, m)
	t.ledger = t.ledger.AfterDrawing(rules.Type(m.Name), m.Drawing)
	t.afterDiscount(m)
	if !t.afterDrawing(ctx, m) {
		t.after(ctx, rules.Type(m.Name))
	}
}

// after takes the step a committed milestone calls for.
func (t *tradeRun) after(ctx workflow.Context, m rules.Type) {
	t.afterConfirmation(ctx, m)
	if m == rules.Settled { // the payment reached the beneficiary's bank: nothing waits on it any more
		t.st.Payment.Waiting = false
	}
	switch {
	case m == rules.Honoured:
		t.st.Payment.Due = !t.payInstalments(ctx, "") // a mixed payment's instalments instead (instalments.go)
	case (m == rules.ImportReleased || m == rules.Settled) && rules.Check(rules.Closed, t.ledger, rules.EntitledOrg(rules.Closed)) == nil:
		t.close(ctx)
	case m == rules.Expired:
		t.st.Status = StatusExpired
	case m == rules.Cancelled:
		t.st.Status = StatusCancelled
	}
}

// close: the goods are released and the credit is paid, so the issuing bank closes the trade.
// CLOSED is fingerprinted by the release's event ID (the ledger agent checks that derivation).
func (t *tradeRun) close(ctx workflow.Context) {
	if t.closeQueued { // the row in flight commits it (pipeline.go)
		return
	}
	i := slices.IndexFunc(t.st.Milestones, func(m Milestone) bool { return m.Name == string(rules.ImportReleased) && m.Error == "" })
	m := closedMilestone(t.st.Milestones[i])
	t.settle(ctx, m, t.commit(ctx, m))
	if t.ledger.Has(rules.Closed) {
		t.st.Status = StatusClosed
	}
}

// commit records one milestone on the ledger.
func (t *tradeRun) commit(ctx workflow.Context, m Milestone) commitResult {
	var c commitResult
	c.err = t.await(ctx, "commit "+m.Name, func(ctx workflow.Context) workflow.Future {
		return recordFuture(ctx, t.st.TradeID, m, t.maxBackoff)
	}, &c.receipt)
	return c
}

// cancelGrace is how long a commit that keeps failing is waited for once the trade is being
// cancelled: then it is given up, so CANCELLED (after which nothing may be committed) goes next.
const cancelGrace = 2 * time.Minute

// await runs a ledger activity as a wait of the trade (so it shows, and counts as stuck past
// StuckAfter). Ledger activities retry until they pass, so it ends in a receipt, a refusal that
// can never pass, or, while the trade is being cancelled, a commit given up after cancelGrace.
func (t *tradeRun) await(ctx workflow.Context, what string, start func(workflow.Context) workflow.Future, out any) error {
	actx, cancel := workflow.WithCancel(ctx)
	return t.awaitFuture(ctx, what, start(actx), cancel, out)
}

// awaitFuture is await for an activity started already; cancel cancels it (and what shares its
// context) when the commit is given up.
func (t *tradeRun) awaitFuture(ctx workflow.Context, what string, f workflow.Future, cancel workflow.CancelFunc, out any) error {
	t.startWait(ctx, what)
	defer t.endWait(ctx, what)
	if err := workflow.Await(ctx, func() bool { return f.IsReady() || t.cancelling }); err != nil {
		cancel()
		return err
	}
	if !f.IsReady() && what != "commit "+string(rules.Cancelled) {
		if ok, _ := workflow.AwaitWithTimeout(ctx, cancelGrace, f.IsReady); !ok {
			cancel()
		}
	}
	return f.Get(ctx, out)
}

// recordOptions are the ledger activities' options: on the task queue of the organisation that
// commits, retried until they pass (recording is idempotent on the chaincode side), backing off
// to maxBackoff; only refusals that can never pass are final. The ledger activities heartbeat
// while they commit, so a commit held by a process that died is retried after
// ledger.HeartbeatTimeout, not the minute a hung commit may take. Timeouts are not part of
// the workflow's commands Temporal replays against, so changing them needs no GetVersion;
// ledger agents that heartbeat go out before workers that set the timeout.
func recordOptions(mspID string, maxBackoff time.Duration) workflow.ActivityOptions {
	return workflow.ActivityOptions{
		TaskQueue:           ledger.TaskQueue(mspID),
		StartToCloseTimeout: time.Minute,
		HeartbeatTimeout:    ledger.HeartbeatTimeout,
		RetryPolicy: &temporal.RetryPolicy{
			InitialInterval: min(time.Second, maxBackoff), BackoffCoefficient: 2, MaximumInterval: maxBackoff,
			NonRetryableErrorTypes: []string{ledger.RefusalErrorType, ledger.UnjustifiedErrorType},
		},
	}
}

// recordFuture starts the ledger activity on the task queue of the organisation that commits it.
func recordFuture(ctx workflow.Context, tradeID string, m Milestone, maxBackoff time.Duration) workflow.Future {
	ctx = workflow.WithActivityOptions(ctx, recordOptions(m.MSPID, maxBackoff))
	hash := m.SHA256
	if hash == "" { // a milestone the workflow makes itself is fingerprinted by its ID
		hash = sha256Hex(m.EventID)
	}
	return workflow.ExecuteActivity(ctx, ledger.RecordMilestoneActivity,
		ledger.RecordInput{TradeID: tradeID, Milestone: m.Name, SHA256: hash, Trace: m.trace, Drawing: m.Drawing})
}

// recordRunFuture starts the batched ledger activity on the task queue of the organisation
// that commits every milestone of the run.
func recordRunFuture(ctx workflow.Context, tradeID string, ms []Milestone, maxBackoff time.Duration) workflow.Future {
	ctx = workflow.WithActivityOptions(ctx, recordOptions(ms[0].MSPID, maxBackoff))
	ins := make([]ledger.RecordInput, len(ms))
	for k, m := range ms {
		ins[k] = ledger.RecordInput{TradeID: tradeID, Milestone: m.Name, SHA256: m.SHA256, Trace: m.trace, Drawing: m.Drawing}
	}
	return workflow.ExecuteActivity(ctx, ledger.RecordMilestonesActivity, ins)
}

// record runs the ledger activity and waits for it (legacyWorkflow's way).
func record(ctx workflow.Context, tradeID string, m Milestone) (ledger.Receipt, error) {
	var r ledger.Receipt
	err := recordFuture(ctx, tradeID, m, time.Minute).Get(ctx, &r)
	return r, err
}

// recordRun runs the batched ledger activity and waits for it (legacyWorkflow's way).
func recordRun(ctx workflow.Context, tradeID string, ms []Milestone) ([]ledger.Receipt, error) {
	var rs []ledger.Receipt
	err := recordRunFuture(ctx, tradeID, ms, time.Minute).Get(ctx, &rs)
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

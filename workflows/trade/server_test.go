package trade

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/ledger"
)

// testNamespace keeps these tests' workers on the real Temporal server apart from the stack's
// ledger agents and services, which serve the same task queues in the default namespace.
const testNamespace = "tradefin-trade-tests"

// serverClient dials the real Temporal dev server in testNamespace, registering it once.
func serverClient(t *testing.T) client.Client {
	t.Helper()
	addr := testenv.TemporalAddress(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	nc, err := client.NewNamespaceClient(client.Options{HostPort: addr})
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	err = nc.Register(ctx, &workflowservice.RegisterNamespaceRequest{Namespace: testNamespace, WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour)})
	var exists *serviceerror.NamespaceAlreadyExists
	if err != nil && !errors.As(err, &exists) {
		t.Fatal(err)
	}
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: testNamespace})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	for { // a new namespace takes a moment to reach every part of the server
		if _, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{PageSize: 1}); err == nil {
			return c
		}
		if ctx.Err() != nil {
			t.Fatal("the test namespace never became usable")
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// services are the test implementations of the services' activities (nil: instructed, EXPIRED).
type services struct {
	instruct func(contracts.PaymentRef) (string, error)
	expire   func(contracts.ExpireCredit) (contracts.ExpiryOutcome, error)
}

// serve runs the trade workflow and test activities (a fake ledger for each organisation whose
// record func decides each commit, a settlement that instructs) on the real server.
func serve(t *testing.T, c client.Client, record func(ledger.RecordInput) error) {
	serveWith(t, c, record, services{})
}

// serveWith is serve with the services' activities given.
func serveWith(t *testing.T, c client.Client, record func(ledger.RecordInput) error, svc services) {
	t.Helper()
	start := func(queue string, register func(worker.Worker)) {
		w := worker.New(c, queue, worker.Options{})
		register(w)
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(w.Stop)
	}
	start(TaskQueue, func(w worker.Worker) { w.RegisterWorkflow(Workflow) })
	receipt := func(in ledger.RecordInput) ledger.Receipt {
		return ledger.Receipt{Record: ledger.Record{TxID: "tx-" + in.Milestone, EventHash: in.SHA256}, Block: 1}
	}
	chain := newFakeChain()
	for _, org := range []string{rules.ImporterBank, rules.ExporterBank, rules.Customs} {
		start(ledger.TaskQueue(org), func(w worker.Worker) {
			w.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
				return receipt(in), record(in)
			}, activity.RegisterOptions{Name: ledger.RecordMilestoneActivity})
			w.RegisterActivityWithOptions(func(ctx context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error) {
				var rs []ledger.Receipt
				for _, in := range ins {
					if err := record(in); err != nil {
						return rs, nil
					}
					rs = append(rs, receipt(in))
				}
				return rs, nil
			}, activity.RegisterOptions{Name: ledger.RecordMilestonesActivity})
			w.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordAfterInput) ([]ledger.Receipt, error) {
				return chain.recordAfter(ctx, in, record, receipt)
			}, activity.RegisterOptions{Name: ledger.RecordAfterActivity})
		})
	}
	start(contracts.SettlementTaskQueue, func(w worker.Worker) {
		w.RegisterActivityWithOptions(func(ctx context.Context, ref contracts.PaymentRef) (string, error) {
			if svc.instruct != nil {
				return svc.instruct(ref)
			}
			return "instructed", nil
		}, activity.RegisterOptions{Name: contracts.InstructPaymentActivity})
	})
	start(contracts.LCTaskQueue, func(w worker.Worker) {
		w.RegisterActivityWithOptions(func(ctx context.Context, in contracts.ExpireCredit) (contracts.ExpiryOutcome, error) {
			if svc.expire != nil {
				return svc.expire(in)
			}
			return contracts.ExpiryOutcome{Status: contracts.ExpiryExpired}, nil
		}, activity.RegisterOptions{Name: contracts.ExpireCreditActivity})
	})
}

func send(ctx context.Context, t *testing.T, c client.Client, tradeID, typ, id string) {
	t.Helper()
	ev := Event{Type: typ, ID: id, SHA256: sha256Hex(id), LCID: "LC", Time: time.Now()}
	if typ == "lc.honoured.v1" {
		ev.Payment = &contracts.PaymentRef{TradeID: tradeID, LCID: "LC", PresentationID: "P-1"}
	}
	if typ == "lc.applied.v1" {
		ev.LCExpiry = time.Now().Add(90 * 24 * time.Hour)
	}
	if typ == paymentFailed {
		ev.Reason = "AC01"
	}
	if err := c.SignalWorkflow(ctx, WorkflowID(tradeID), "", EventSignal, ev); err != nil {
		t.Fatalf("signal %s: %v", typ, err)
	}
}

// The stall: the workflow kept every event and never continued as new, so a trade with
// many transport events reached Temporal's history limit and was terminated. Here a trade gets
// 3,000 transport events between its milestones on the real server: it continues as new every
// 200 signals, carrying its state, keeps only the latest events, and closes.
func TestATradeWithThousandsOfTransportEventsKeepsRunning(t *testing.T) {
	c := serverClient(t)
	serve(t, c, func(ledger.RecordInput) error { return nil })
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	tradeID := fmt.Sprintf("CAN-%d", time.Now().UnixNano())
	run, err := c.SignalWithStartWorkflow(ctx, WorkflowID(tradeID), EventSignal,
		Event{Type: "lc.applied.v1", ID: tradeID + "-0", SHA256: sha256Hex(tradeID + "-0"), LCID: "LC", LCExpiry: time.Now().Add(90 * 24 * time.Hour)},
		client.StartWorkflowOptions{ID: WorkflowID(tradeID), TaskQueue: TaskQueue}, Workflow, Input{TradeID: tradeID, ContinueAfter: 200})
	if err != nil {
		t.Fatal(err)
	}
	for i, typ := range happyPath[1:6] {
		send(ctx, t, c, tradeID, typ, fmt.Sprintf("%s-%d", tradeID, i+1))
	}
	const transport = 3000
	var sent atomic.Int64
	var wg sync.WaitGroup
	for lane := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lane; i < transport; i += 8 {
				send(ctx, t, c, tradeID, "customs.transport_event.v1", fmt.Sprintf("%s-te-%d", tradeID, i))
				sent.Add(1)
			}
		}()
	}
	wg.Wait()
	for i, typ := range happyPath[6:] {
		send(ctx, t, c, tradeID, typ, fmt.Sprintf("%s-%d", tradeID, i+6))
	}
	var st State
	if err := c.GetWorkflow(ctx, WorkflowID(tradeID), "").Get(ctx, &st); err != nil {
		t.Fatalf("the trade did not finish: %v", err)
	}
	// A run continues at its first workflow task after its 200th signal, and signals that arrive
	// while a task runs come in the next together: on a loaded machine a run takes several
	// hundred, so the count of runs is a floor, not 3,011/200. The bound that matters is the last
	// run's history, below.
	if st.Status != StatusClosed || st.Runs < 3 || st.EventsReceived != transport+len(happyPath) || len(st.Events) > MaxEvents {
		t.Fatalf("status %s after %d runs, %d events received, %d kept", st.Status, st.Runs, st.EventsReceived, len(st.Events))
	}
	if len(st.Milestones) != len(happyPath) { // ten events make milestones (one is a transport event), and CLOSED
		t.Fatalf("milestones %+v", st.Milestones)
	}
	d, err := c.DescribeWorkflowExecution(ctx, WorkflowID(tradeID), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := d.WorkflowExecutionInfo.GetHistoryLength(); n > 2000 || run.GetRunID() == d.WorkflowExecutionInfo.Execution.GetRunId() {
		t.Fatalf("the last run has %d history events (first run %s, last %s)", n, run.GetRunID(), d.WorkflowExecutionInfo.Execution.GetRunId())
	}
}

// The stall: after 20 failed ledger attempts (about 8 minutes of Fabric trouble) a
// milestone was dropped and nothing retried it. On the real server, a ledger that fails 25
// times is retried until it passes; the trade then goes on.
func TestALedgerOutageDropsNoMilestone(t *testing.T) {
	c := serverClient(t)
	var failures atomic.Int64
	failures.Store(25)
	serve(t, c, func(in ledger.RecordInput) error {
		if in.Milestone == "LC_ISSUED" && failures.Add(-1) >= 0 {
			return errors.New("ledger unavailable")
		}
		return nil
	})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	tradeID := fmt.Sprintf("OUTAGE-%d", time.Now().UnixNano())
	defer func() { _ = c.TerminateWorkflow(context.Background(), WorkflowID(tradeID), "", "test over") }()
	_, err := c.SignalWithStartWorkflow(ctx, WorkflowID(tradeID), EventSignal,
		Event{Type: "lc.applied.v1", ID: tradeID + "-0", SHA256: sha256Hex(tradeID + "-0"), LCID: "LC", LCExpiry: time.Now().Add(90 * 24 * time.Hour)},
		client.StartWorkflowOptions{ID: WorkflowID(tradeID), TaskQueue: TaskQueue}, Workflow, Input{TradeID: tradeID, StuckAfter: 2 * time.Second, MaxBackoff: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	send(ctx, t, c, tradeID, "lc.issued.v1", tradeID+"-1")
	sawStuck := false
	for {
		var st State
		if v, err := c.QueryWorkflow(ctx, WorkflowID(tradeID), "", StateQuery); err == nil && v.Get(&st) == nil {
			sawStuck = sawStuck || (len(st.Waits) == 1 && st.Waits[0].Stuck)
			if len(st.Milestones) == 2 {
				if st.Milestones[1].Error != "" || failures.Load() > 0 || !sawStuck {
					t.Fatalf("after the outage: %+v (failures left %d, stuck seen %v)", st.Milestones[1], failures.Load(), sawStuck)
				}
				return
			}
		}
		if ctx.Err() != nil {
			t.Fatalf("LC_ISSUED never committed; %d failures left", failures.Load())
		}
		time.Sleep(time.Second)
	}
}

// startTrade starts a trade's workflow with its lc.applied.v1, presentable until the instant given.
func startTrade(ctx context.Context, t *testing.T, c client.Client, tradeID string, until time.Time, in Input) {
	t.Helper()
	in.TradeID, in.MaxBackoff = tradeID, 200*time.Millisecond
	_, err := c.SignalWithStartWorkflow(ctx, WorkflowID(tradeID), EventSignal,
		Event{Type: "lc.applied.v1", ID: tradeID + "-applied", SHA256: sha256Hex(tradeID + "-applied"), LCID: "LC", LCExpiry: until},
		client.StartWorkflowOptions{ID: WorkflowID(tradeID), TaskQueue: TaskQueue}, Workflow, in)
	if err != nil {
		t.Fatal(err)
	}
}

// stateOf queries the running trade (zero State while it cannot answer).
func stateOf(ctx context.Context, c client.Client, tradeID string) State {
	var st State
	if v, err := c.QueryWorkflow(ctx, WorkflowID(tradeID), "", StateQuery); err == nil {
		_ = v.Get(&st)
	}
	return st
}

// The disagreement, on the real server: the expiry fired while a refused presentation
// awaited the applicant's waiver, the workflow committed EXPIRED and ended, and the bridge then
// dropped the waiver and the honour (the LC service said HONOURED, the ledger EXPIRED). Now the
// LC service (a test implementation on its task queue) defers the expiry while the refusal is
// pending, the trade stays open past the instant, and the waiver, honour, payment and close follow.
func TestOnTheServerAPendingRefusalOutlivesTheExpiry(t *testing.T) {
	c := serverClient(t)
	var waived atomic.Bool
	var asked atomic.Int64
	serveWith(t, c, func(ledger.RecordInput) error { return nil }, services{expire: func(contracts.ExpireCredit) (contracts.ExpiryOutcome, error) {
		asked.Add(1)
		if waived.Load() {
			return contracts.ExpiryOutcome{Status: "HONOURED"}, nil
		}
		return contracts.ExpiryOutcome{Status: contracts.ExpiryDeferred}, nil
	}})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tradeID := fmt.Sprintf("WAIVE-%d", time.Now().UnixNano())
	startTrade(ctx, t, c, tradeID, time.Now().Add(3*time.Second), Input{})
	for i, typ := range []string{"lc.issued.v1", "customs.export_cleared.v1", "customs.bill_of_lading_issued.v1", "lc.documents_presented.v1", "lc.documents_refused.v1"} {
		send(ctx, t, c, tradeID, typ, fmt.Sprintf("%s-%d", tradeID, i))
	}
	for asked.Load() == 0 { // the instant passes with the refusal pending
		if ctx.Err() != nil {
			t.Fatal("the expiry timer never asked the LC service")
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second)
	if st := stateOf(ctx, c, tradeID); st.Status != StatusRunning || st.Expiry != contracts.ExpiryDeferred {
		t.Fatalf("after the instant with a refusal pending: %s, expiry %q", st.Status, st.Expiry)
	}
	waived.Store(true)
	for i, typ := range []string{"lc.discrepancies_waived.v1", "lc.honoured.v1", "settlement.payment_settled.v1", "customs.import_released.v1"} {
		send(ctx, t, c, tradeID, typ, fmt.Sprintf("%s-w%d", tradeID, i))
	}
	var st State
	if err := c.GetWorkflow(ctx, WorkflowID(tradeID), "").Get(ctx, &st); err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, m := range st.Milestones {
		names = append(names, m.Name)
	}
	if st.Status != StatusClosed || !slices.Contains(names, "DISCREPANCY_WAIVED") || !slices.Contains(names, "HONOURED") || slices.Contains(names, "EXPIRED") || st.Payment.Status != "instructed" {
		t.Fatalf("status %s, milestones %v, payment %+v", st.Status, names, st.Payment)
	}
}

// The stall, on the real server: settlement.payment_failed.v1 was ignored, so a rejected
// payment left the trade running forever. Now the workflow instructs it again; settlement (a
// test implementation) answers "awaiting correction" until corrected; the trade shows the
// payment failed and waiting, stuck past the threshold, then settles and closes.
func TestOnTheServerAFailedPaymentIsInstructedAgain(t *testing.T) {
	c := serverClient(t)
	var corrected atomic.Bool
	var instructs atomic.Int64
	serveWith(t, c, func(ledger.RecordInput) error { return nil }, services{instruct: func(contracts.PaymentRef) (string, error) {
		if instructs.Add(1) > 1 && !corrected.Load() {
			return "", temporal.NewApplicationError("awaiting correction", "AwaitingCorrection")
		}
		return "instructed", nil
	}})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tradeID := fmt.Sprintf("PAYFAIL-%d", time.Now().UnixNano())
	startTrade(ctx, t, c, tradeID, time.Now().Add(90*24*time.Hour), Input{StuckAfter: 2 * time.Second})
	for i, typ := range happyPath[1:9] {
		send(ctx, t, c, tradeID, typ, fmt.Sprintf("%s-%d", tradeID, i))
	}
	for instructs.Load() == 0 {
		if ctx.Err() != nil {
			t.Fatal("the payment was never instructed")
		}
		time.Sleep(200 * time.Millisecond)
	}
	send(ctx, t, c, tradeID, paymentFailed, tradeID+"-failed")
	for {
		st := stateOf(ctx, c, tradeID)
		if st.Payment.Waiting && st.Payment.Failed != nil && len(st.Waits) == 1 && st.Waits[0].Stuck {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("the failed payment never showed as waiting and stuck: %+v %+v", st.Payment, st.Waits)
		}
		time.Sleep(300 * time.Millisecond)
	}
	corrected.Store(true)
	send(ctx, t, c, tradeID, "settlement.payment_settled.v1", tradeID+"-settled")
	send(ctx, t, c, tradeID, "customs.import_released.v1", tradeID+"-released")
	var st State
	if err := c.GetWorkflow(ctx, WorkflowID(tradeID), "").Get(ctx, &st); err != nil {
		t.Fatal(err)
	}
	if st.Status != StatusClosed || st.Payment.Waiting || st.Payment.Failures != 1 || instructs.Load() < 3 {
		t.Fatalf("status %s, payment %+v, %d instructions", st.Status, st.Payment, instructs.Load())
	}
}

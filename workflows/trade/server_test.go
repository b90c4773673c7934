package trade

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
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

// serve runs the trade workflow and test activities (a fake ledger for each organisation whose
// record func decides each commit, a settlement that instructs) on the real server.
func serve(t *testing.T, c client.Client, record func(ledger.RecordInput) error) {
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
		})
	}
	start(contracts.SettlementTaskQueue, func(w worker.Worker) {
		w.RegisterActivityWithOptions(func(ctx context.Context, ref contracts.PaymentRef) (string, error) {
			return "instructed", nil
		}, activity.RegisterOptions{Name: contracts.InstructPaymentActivity})
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
	if st.Status != StatusClosed || st.Runs < 10 || st.EventsReceived != transport+len(happyPath) || len(st.Events) > MaxEvents {
		t.Fatalf("status %s after %d runs, %d events received, %d kept", st.Status, st.Runs, st.EventsReceived, len(st.Events))
	}
	if len(st.Milestones) != len(happyPath)+1 {
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

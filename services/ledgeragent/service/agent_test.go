//go:build !unit

package service_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	enums "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
	"github.com/tradefin/tradefin/services/ledgeragent/service"
	"github.com/tradefin/tradefin/workflows/trade"
)

// rig is the real platform around the agents: Kafka to publish on, Temporal to schedule the
// ledger activity on, and a Fabric client of Customs to read the ledger back through a peer that
// signed nothing here.
type rig struct {
	temporal client.Client
	pub      *kafkapubsub.Publisher
	brokers  []string
	network  *ledger.Network
	reader   *ledger.Client
	queue    string // where the test's workflow runs
	log      *slog.Logger
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{brokers: testenv.KafkaBrokers(t), log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	var err error
	if r.network, err = ledger.LoadNetwork(testenv.FabricNetwork(t)); err != nil {
		t.Fatal(err)
	}
	if r.reader, err = ledger.Connect(r.network, "CustomsMSP"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.reader.Close() })
	if r.temporal, err = client.Dial(client.Options{HostPort: testenv.TemporalAddress(t), Logger: tlog.NewStructuredLogger(r.log)}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.temporal.Close)
	if r.pub, err = kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: r.brokers, SASL: testenv.KafkaSASL(t)}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.pub.Close() })
	r.queue = "ledgeragent-test-" + randomHex()
	w := worker.New(r.temporal, r.queue, worker.Options{})
	w.RegisterWorkflowWithOptions(scheduleRecord, workflow.RegisterOptions{Name: "ledgeragent-test-record"})
	w.RegisterWorkflow(trade.Workflow) // the real trade workflow, for forged signals
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	return r
}

// agent starts msp's agent on the given index backend; run says which parts run.
func (r *rig) agent(t *testing.T, msp, backend string, cfg service.Config) *service.Agent {
	t.Helper()
	id, err := ledger.Connect(r.network, msp)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = id.Close() })
	cfg.Ledger, cfg.KafkaBrokers, cfg.KafkaSASL, cfg.Temporal, cfg.Log, cfg.DataDir = id, r.brokers, testenv.KafkaSASL(t), r.temporal, r.log, t.TempDir()
	if backend == "postgres" {
		cfg.PostgresDSN = testenv.PostgresDSN(t)
	}
	a, err := service.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	return a
}

// scheduleRecord is anyone who can reach Temporal: it schedules the ledger activity on a queue
// of its choosing with a request of its choosing.
func scheduleRecord(ctx workflow.Context, queue string, in ledger.RecordInput) (ledger.Receipt, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		TaskQueue: queue, StartToCloseTimeout: time.Minute,
		RetryPolicy: &temporal.RetryPolicy{InitialInterval: 300 * time.Millisecond, BackoffCoefficient: 1.5, MaximumAttempts: 15},
	})
	var r ledger.Receipt
	err := workflow.ExecuteActivity(ctx, ledger.RecordMilestoneActivity, in).Get(ctx, &r)
	return r, err
}

// record schedules the activity on ledger-<msp> and waits for its answer.
func (r *rig) record(ctx context.Context, t *testing.T, msp string, in ledger.RecordInput) (ledger.Receipt, string, error) {
	t.Helper()
	run, err := r.temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "ledgeragent-test-" + randomHex(), TaskQueue: r.queue},
		"ledgeragent-test-record", ledger.TaskQueue(msp), in)
	if err != nil {
		t.Fatal(err)
	}
	var rec ledger.Receipt
	err = run.Get(ctx, &rec)
	return rec, run.GetID(), err
}

// publish puts a genuine event on Kafka, as a service's outbox would, and returns its fingerprint.
func (r *rig) publish(t *testing.T, source, tradeID string, payload any) (id, sum string) {
	t.Helper()
	id = randomHex()
	msg, topic, err := eventbus.Encode(context.Background(), source, tradeID, id, payload)
	if err != nil {
		t.Fatal(err)
	}
	env, err := eventbus.Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err = contracts.Fingerprint(env); err != nil {
		t.Fatal(err)
	}
	if err := r.pub.Publish(topic, msg); err != nil {
		t.Fatal(err)
	}
	return id, sum
}

// ledgerOf reads the trade back through Customs' peer.
func (r *rig) ledgerOf(ctx context.Context, t *testing.T, tradeID string) []string {
	t.Helper()
	recs, err := r.reader.Milestones(ctx, tradeID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, rec := range recs {
		out = append(out, rec.Milestone+" by "+rec.Org+" "+rec.EventHash[:8])
	}
	return out
}

func randomHex() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// refusal returns the agent's refusal code in err, failing the test unless err is one.
func refusal(t *testing.T, err error) string {
	t.Helper()
	var app *temporal.ApplicationError
	if !errors.As(err, &app) || app.Type() != ledger.UnjustifiedErrorType || !app.NonRetryable() {
		t.Fatalf("err = %v, want a non-retryable %s", err, ledger.UnjustifiedErrorType)
	}
	var code string
	if err := app.Details(&code); err != nil {
		t.Fatal(err)
	}
	return code
}

func applied(tradeID string) *contracts.LCApplied {
	return &contracts.LCApplied{TradeID: tradeID, LCID: "LC-" + tradeID, Applicant: "5493001NORDICIMP0058", Beneficiary: "5493002AZULEJOSLX028",
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(10_000_000, money.MustCurrency("EUR")), ExpiryDate: time.Now().AddDate(0, 3, 0).Format(time.DateOnly), ExpiryPlace: "Lisbon"}
}

// TestGenuineEventsAreSignedByTheirOrganisationsAgents: events published on Kafka as the services
// publish them get their milestones signed, each by its own organisation's agent.
func TestGenuineEventsAreSignedByTheirOrganisationsAgents(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := newRig(t)
	importer := r.agent(t, "ImporterBankMSP", "postgres", service.Config{})
	exporter := r.agent(t, "ExporterBankMSP", "sqlite", service.Config{})
	testenv.Background(t, importer.Run)
	testenv.Background(t, exporter.Run)

	trade := "LA-" + randomHex()
	_, appliedHash := r.publish(t, "/tradefin/lc", trade, applied(trade))
	_, issuedHash := r.publish(t, "/tradefin/lc", trade, &contracts.LCIssued{TradeID: trade, LCID: "LC-" + trade, LCNumber: "ESS1", IssueDate: "2026-12-01"})
	_, advisedHash := r.publish(t, "/tradefin/lc", trade, &contracts.LCAdvised{TradeID: trade, LCID: "LC-" + trade})

	for _, step := range []struct{ msp, milestone, hash string }{
		{"ImporterBankMSP", "LC_APPLIED", appliedHash},
		{"ImporterBankMSP", "LC_ISSUED", issuedHash},
		{"ExporterBankMSP", "LC_ADVISED", advisedHash},
	} {
		rec, _, err := r.record(ctx, t, step.msp, ledger.RecordInput{TradeID: trade, Milestone: step.milestone, SHA256: step.hash})
		if err != nil {
			t.Fatalf("%s on %s: %v", step.milestone, ledger.TaskQueue(step.msp), err)
		}
		if rec.Org != step.msp || rec.EventHash != step.hash || rec.TxID == "" || rec.Block == 0 {
			t.Fatalf("%s: receipt %+v, want it committed by %s with hash %s", step.milestone, rec, step.msp, step.hash)
		}
	}
	got := r.ledgerOf(ctx, t, trade)
	want := []string{"LC_APPLIED by ImporterBankMSP " + appliedHash[:8], "LC_ISSUED by ImporterBankMSP " + issuedHash[:8], "LC_ADVISED by ExporterBankMSP " + advisedHash[:8]}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("ledger read through Customs' peer:\n got %v\nwant %v", got, want)
	}
}

// TestForgedMilestonesAreRefusedAndNothingLandsOnTheLedger: whoever reaches Temporal schedules
// the ledger activity on ImporterBank's queue. Without the agent's check the chaincode would take
// each of the first two (LC_ISSUED by ImporterBank after LC_APPLIED is in order): the agent
// refuses all of them, and the ledger keeps only the genuine first milestone.
func TestForgedMilestonesAreRefusedAndNothingLandsOnTheLedger(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := newRig(t)
	importer := r.agent(t, "ImporterBankMSP", "sqlite", service.Config{})
	testenv.Background(t, importer.Run)

	trade := "LA-" + randomHex()
	_, appliedHash := r.publish(t, "/tradefin/lc", trade, applied(trade))
	if _, _, err := r.record(ctx, t, "ImporterBankMSP", ledger.RecordInput{TradeID: trade, Milestone: "LC_APPLIED", SHA256: appliedHash}); err != nil {
		t.Fatalf("the genuine LC_APPLIED: %v", err)
	}
	_, advisedHash := r.publish(t, "/tradefin/lc", trade, &contracts.LCAdvised{TradeID: trade, LCID: "LC-" + trade})

	cases := []struct {
		name, milestone, hash, code string
	}{
		{"a forged hash", "LC_ISSUED", sha("forged " + trade), domain.CodeNoEvent},
		{"a real hash of the wrong type", "LC_ISSUED", appliedHash, domain.CodeWrongType},
		{"ExporterBank's event on ImporterBank's queue", "LC_ADVISED", advisedHash, domain.CodeNotOurs},
		{"ExporterBank's event as ImporterBank's milestone", "LC_ISSUED", advisedHash, domain.CodeWrongType},
		{"a CLOSED derived from no release", "CLOSED", sha(trade + "/closed"), domain.CodeNoEvent},
		{"an EXPIRED while the credit runs", "EXPIRED", sha(trade + "/expired"), domain.CodeNotDue},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, id, err := r.record(ctx, t, "ImporterBankMSP", ledger.RecordInput{TradeID: trade, Milestone: c.milestone, SHA256: c.hash})
			if code := refusal(t, err); code != c.code {
				t.Fatalf("refused with %s, want %s (%v)", code, c.code, err)
			}
			if n := attempts(ctx, t, r.temporal, id); n != 1 {
				t.Errorf("the refused activity ran %d times, want once", n)
			}
		})
	}
	if got := r.ledgerOf(ctx, t, trade); len(got) != 1 || got[0] != "LC_APPLIED by ImporterBankMSP "+appliedHash[:8] {
		t.Fatalf("after the forgeries the ledger holds %v, want only the genuine LC_APPLIED", got)
	}
}

// TestAnEventNotYetIndexedIsRetriedUntilItIs: the agent's index lags Kafka (its consumer is not
// running): the activity fails and is retried, and once the index has the event the milestone is
// signed.
func TestAnEventNotYetIndexedIsRetriedUntilItIs(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := newRig(t)
	importer := r.agent(t, "ImporterBankMSP", "sqlite", service.Config{CatchUpWait: 500 * time.Millisecond})
	testenv.Background(t, importer.RunWorker)

	trade := "LA-" + randomHex()
	_, appliedHash := r.publish(t, "/tradefin/lc", trade, applied(trade))
	go func() {
		time.Sleep(2 * time.Second)
		testenv.Background(t, importer.RunIndexer)
	}()
	rec, id, err := r.record(ctx, t, "ImporterBankMSP", ledger.RecordInput{TradeID: trade, Milestone: "LC_APPLIED", SHA256: appliedHash})
	if err != nil || rec.Org != "ImporterBankMSP" || rec.EventHash != appliedHash {
		t.Fatalf("receipt %+v, err %v", rec, err)
	}
	if n := attempts(ctx, t, r.temporal, id); n < 2 {
		t.Fatalf("signed on attempt %d: the lagging index should have made the first attempts fail", n)
	}
}

// attempts is the attempt on which the workflow's activity last started.
func attempts(ctx context.Context, t *testing.T, c client.Client, workflowID string) int32 {
	t.Helper()
	var n int32
	it := c.GetWorkflowHistory(ctx, workflowID, "", false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		ev, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		if a := ev.GetActivityTaskStartedEventAttributes(); a != nil {
			n = a.GetAttempt()
		}
	}
	return n
}

// TestForgedSignalsGetNoMilestoneSigned: whoever reaches Temporal signals a trade's workflow with
// events of its own making. The workflow asks the agent for each milestone, as it would for a
// real event; the agent signs only the genuine one.
func TestForgedSignalsGetNoMilestoneSigned(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := newRig(t)
	importer := r.agent(t, "ImporterBankMSP", "sqlite", service.Config{})
	testenv.Background(t, importer.Run)

	tradeID := "LA-" + randomHex()
	appliedID, appliedHash := r.publish(t, "/tradefin/lc", tradeID, applied(tradeID))
	opts := client.StartWorkflowOptions{ID: trade.WorkflowID(tradeID), TaskQueue: r.queue}
	signal := func(ev trade.Event) {
		t.Helper()
		if _, err := r.temporal.SignalWithStartWorkflow(ctx, opts.ID, trade.EventSignal, ev, opts, trade.Workflow, trade.Input{TradeID: tradeID}); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { _ = r.temporal.TerminateWorkflow(context.Background(), opts.ID, "", "test over") })
	signal(trade.Event{Type: "lc.applied.v1", ID: appliedID, SHA256: appliedHash})                    // genuine
	signal(trade.Event{Type: "lc.issued.v1", ID: "forged-issue", SHA256: appliedHash})                // a real hash, the wrong event
	signal(trade.Event{Type: "lc.documents_refused.v1", ID: "forged-refusal", SHA256: sha("forged")}) // no event at all

	var st trade.State
	for {
		v, err := r.temporal.QueryWorkflow(ctx, opts.ID, "", trade.StateQuery)
		if err == nil {
			err = v.Get(&st)
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Milestones) >= 2 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the workflow never got past %+v", st.Milestones)
		case <-time.After(200 * time.Millisecond):
		}
	}
	if m := st.Milestones[0]; m.Name != "LC_APPLIED" || m.TxID == "" || m.Error != "" {
		t.Fatalf("the genuine LC_APPLIED: %+v", m)
	}
	if m := st.Milestones[1]; m.Name != "LC_ISSUED" || m.TxID != "" || !strings.Contains(m.Error, domain.CodeWrongType) {
		t.Fatalf("the forged LC_ISSUED: %+v, want it refused as %s", m, domain.CodeWrongType)
	}
	if got := r.ledgerOf(ctx, t, tradeID); len(got) != 1 || got[0] != "LC_APPLIED by ImporterBankMSP "+appliedHash[:8] {
		t.Fatalf("after the forged signals the ledger holds %v, want only the genuine LC_APPLIED", got)
	}
}

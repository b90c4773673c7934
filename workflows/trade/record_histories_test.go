//go:build recordhistories

package trade

// Records the replay test's histories (testdata/*.json) by running the workflow on the real
// Temporal dev server with fake ledger and settlement activities:
//
//	TRADEFIN_HISTORY_VERSION=v1 go test -tags recordhistories -run TestRecordHistories ./trade
//
// Record before changing the workflow's logic (history-<version>-*.json): the replay test then
// proves the new code still replays what the old one wrote (workflow.GetVersion). v0 was
// recorded from the workflow before lifecycleChange, v1 after it, v2 after maturityChange, v3
// after pipelinedCommitsChange and stuckWatchChange, v6 (discounted) after discountingChange, v7
// after groupedRowsChange and baselineChange.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/ledger"
)

func TestRecordHistories(t *testing.T) {
	c := serverClient(t) // a namespace of its own: the stack's ledger agents serve the same queues
	queue := fmt.Sprintf("record-%d", time.Now().UnixNano())
	w := worker.New(c, queue, worker.Options{})
	w.RegisterWorkflow(Workflow)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	chain := newFakeChain()
	for _, org := range []string{rules.ImporterBank, rules.ExporterBank, rules.Customs} {
		lw := worker.New(c, ledger.TaskQueue(org), worker.Options{})
		lw.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
			return ledger.Receipt{Record: ledger.Record{TxID: "tx-" + in.Milestone, EventHash: in.SHA256}, Block: 1}, nil
		}, activity.RegisterOptions{Name: ledger.RecordMilestoneActivity})
		lw.RegisterActivityWithOptions(func(ctx context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error) {
			var rs []ledger.Receipt
			for _, in := range ins {
				rs = append(rs, ledger.Receipt{Record: ledger.Record{TxID: "tx-" + in.Milestone, EventHash: in.SHA256}, Block: 1})
			}
			return rs, nil
		}, activity.RegisterOptions{Name: ledger.RecordMilestonesActivity})
		lw.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordAfterInput) ([]ledger.Receipt, error) {
			return chain.recordAfter(ctx, in, func(ledger.RecordInput) error { return nil }, func(in ledger.RecordInput) ledger.Receipt {
				return ledger.Receipt{Record: ledger.Record{TxID: "tx-" + in.Milestone, EventHash: in.SHA256}, Block: 1}
			})
		}, activity.RegisterOptions{Name: ledger.RecordAfterActivity})
		if err := lw.Start(); err != nil {
			t.Fatal(err)
		}
		defer lw.Stop()
	}
	lw := worker.New(c, contracts.LCTaskQueue, worker.Options{})
	lw.RegisterActivityWithOptions(func(ctx context.Context, in contracts.ExpireCredit) (contracts.ExpiryOutcome, error) {
		id := in.TradeID + "-expired"
		ev := Event{Type: "lc.expired.v1", ID: id, SHA256: sha256Hex(id), Source: "/tradefin/record", Time: time.Now().UTC(), LCID: in.LCID}
		return contracts.ExpiryOutcome{Status: contracts.ExpiryExpired}, c.SignalWorkflow(ctx, WorkflowID(in.TradeID), "", EventSignal, ev)
	}, activity.RegisterOptions{Name: contracts.ExpireCreditActivity})
	if err := lw.Start(); err != nil {
		t.Fatal(err)
	}
	defer lw.Stop()
	version := os.Getenv("TRADEFIN_HISTORY_VERSION")
	if version == "" {
		t.Fatal("TRADEFIN_HISTORY_VERSION names the histories (v0, v1, ...)")
	}
	sw := worker.New(c, contracts.SettlementTaskQueue, worker.Options{})
	sw.RegisterActivityWithOptions(func(ctx context.Context, ref contracts.PaymentRef) (string, error) {
		return "instructed", nil
	}, activity.RegisterOptions{Name: contracts.InstructPaymentActivity})
	if err := sw.Start(); err != nil {
		t.Fatal(err)
	}
	defer sw.Stop()

	refused := []string{"lc.applied.v1", "lc.issued.v1", "lc.advised.v1", "lc.accepted.v1", "customs.export_cleared.v1",
		"customs.bill_of_lading_issued.v1", "lc.documents_presented.v1", "lc.documents_refused.v1", "lc.discrepancies_waived.v1",
		"lc.honoured.v1", "settlement.payment_settled.v1", "customs.import_released.v1"}
	outOfOrder := []string{}
	for _, i := range []int{0, 1, 4, 6, 2, 5, 3, 7, 10, 8, 9} {
		outOfOrder = append(outOfOrder, happyPath[i])
	}
	for _, s := range []struct {
		name   string
		events []string
		expiry time.Duration
		pause  time.Duration
	}{
		{"happy-path", happyPath, 90 * 24 * time.Hour, 300 * time.Millisecond},
		{"out-of-order", outOfOrder, 90 * 24 * time.Hour, 300 * time.Millisecond},
		{"refused-waived", refused, 90 * 24 * time.Hour, 300 * time.Millisecond},
		{"burst", happyPath, 90 * 24 * time.Hour, 0},
		{"expired", happyPath[:4], 8 * time.Second, 300 * time.Millisecond},
		{"amended-cancelled", []string{"lc.applied.v1", "lc.issued.v1", "customs.export_cleared.v1", "lc.amended.v1", "lc.amended.v1", "lc.cancelled.v1"}, 90 * 24 * time.Hour, 300 * time.Millisecond},
		{"payment-failed", append(slices.Clone(happyPath[:9]), "settlement.payment_failed.v1", "settlement.payment_settled.v1", "customs.import_released.v1"), 90 * 24 * time.Hour, 300 * time.Millisecond},
		{"usance", happyPath, 90 * 24 * time.Hour, 300 * time.Millisecond},                                              // honoured payable 3 s on (maturity below)
		{"received", append([]string{"lc.received.v1"}, happyPath[2:]...), 90 * 24 * time.Hour, 300 * time.Millisecond}, // a credit issued outside (received.go)
		{"reimbursement-failed", reimbursementFailedPath(), 90 * 24 * time.Hour, 300 * time.Millisecond},                // reimbursement_retry_test.go
		{"mixed-payment", happyPath, 90 * 24 * time.Hour, 300 * time.Millisecond},                                       // instalments.go: sight at once, the rest 3 s on
		{"discounted", discountedPath(), 90 * 24 * time.Hour, 300 * time.Millisecond},                                   // discounting.go: proceeds at once, the face 3 s on
	} {
		maturity := map[string]time.Duration{"usance": 3 * time.Second, "mixed-payment": 3 * time.Second, "discounted": 3 * time.Second}[s.name] // a usance credit's honour is payable then
		t.Run(s.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			tradeID := fmt.Sprintf("REC-%s-%d", s.name, time.Now().UnixNano())
			opts := client.StartWorkflowOptions{ID: WorkflowID(tradeID), TaskQueue: queue}
			run, err := c.ExecuteWorkflow(ctx, opts, Workflow, Input{TradeID: tradeID})
			if err != nil {
				t.Fatal(err)
			}
			for i, typ := range s.events {
				id := fmt.Sprintf("%s-ev-%d", tradeID, i)
				ev := Event{Type: typ, ID: id, SHA256: sha256Hex(id), Source: "/tradefin/record", Time: time.Now().UTC(), LCID: "LC"}
				if typ == "lc.applied.v1" || typ == "lc.amended.v1" || typ == "lc.received.v1" {
					ev.LCExpiry = time.Now().Add(s.expiry).UTC().Truncate(time.Second)
				}
				if typ == "lc.undertaking_discounted.v1" {
					ev.PresentationID = "P-1"
				}
				if typ == "settlement.payment_failed.v1" && s.name == "reimbursement-failed" {
					ev.PaymentID = tradeID + ":LC:P-1" + contracts.ReimbursementSuffix
				}
				if typ == "lc.honoured.v1" {
					ev.Payment = &contracts.PaymentRef{TradeID: tradeID, LCID: "LC", PresentationID: "P-1"}
					if maturity > 0 {
						ev.PayableAt = time.Now().Add(maturity).UTC().Truncate(time.Second)
						ev.MaturityDate = ev.PayableAt.Format(time.DateOnly)
					}
					if s.name == "mixed-payment" {
						ev.Instalments = []Instalment{{Number: 1, MaturityDate: ev.MaturityDate}, {Number: 2, PayableAt: ev.PayableAt, MaturityDate: ev.MaturityDate}}
					}
				}
				if typ == "settlement.payment_settled.v1" && s.name == "mixed-payment" { // one per instalment
					ev.Drawing = "P-1:instalment-1"
					if err := c.SignalWorkflow(ctx, opts.ID, "", EventSignal, ev); err != nil {
						t.Fatal(err)
					}
					ev.ID, ev.SHA256, ev.Drawing = id+"-2", sha256Hex(id+"-2"), "P-1:instalment-2"
				}
				if err := c.SignalWorkflow(ctx, opts.ID, "", EventSignal, ev); err != nil {
					t.Fatal(err)
				}
				if i == 2 { // a redelivery
					if err := c.SignalWorkflow(ctx, opts.ID, "", EventSignal, ev); err != nil {
						t.Fatal(err)
					}
				}
				time.Sleep(s.pause)
				if maturity > 0 && (typ == "lc.honoured.v1" && s.name != "discounted" || typ == "lc.undertaking_discounted.v1") {
					time.Sleep(maturity + time.Second) // the maturity's timer fires before the payment settles
				}
			}
			var st State
			if err := run.Get(ctx, &st); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s ended %s with %d milestones", s.name, st.Status, len(st.Milestones))
			h := &historypb.History{}
			it := c.GetWorkflowHistory(ctx, opts.ID, run.GetRunID(), false, 0)
			for it.HasNext() {
				e, err := it.Next()
				if err != nil {
					t.Fatal(err)
				}
				h.Events = append(h.Events, e)
			}
			b, err := protojson.MarshalOptions{Indent: "  "}.Marshal(h)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("testdata", "history-"+version+"-"+s.name+".json"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

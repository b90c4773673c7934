//go:build !unit

package ledger_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/temporal"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/ledger"
)

func connect(t *testing.T, mspID string) *ledger.Client {
	t.Helper()
	n, err := ledger.LoadNetwork(testenv.FabricNetwork(t))
	if err != nil {
		t.Fatal(err)
	}
	c, err := ledger.Connect(n, mspID)
	if err != nil {
		t.Fatalf("connect as %s: %v", mspID, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func newTradeID(t *testing.T) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "T-" + hex.EncodeToString(b[:])
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// TestMilestoneReadBackThroughAnotherOrganisation: a milestone submitted by ImporterBank is read
// back through Customs' peer with the same hash, transaction ID and hash chain.
func TestMilestoneReadBackThroughAnotherOrganisation(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	importer, customs := connect(t, "ImporterBankMSP"), connect(t, "CustomsMSP")
	trade := newTradeID(t)

	applied, err := importer.RecordMilestone(ctx, trade, "LC_APPLIED", sha("applied"))
	if err != nil {
		t.Fatalf("record LC_APPLIED: %v", err)
	}
	if applied.Block == 0 || applied.TxID == "" || applied.Org != "ImporterBankMSP" || applied.PrevHash != "" {
		t.Fatalf("receipt = %+v", applied)
	}
	issued, err := importer.RecordMilestone(ctx, trade, "LC_ISSUED", sha("issued"))
	if err != nil {
		t.Fatalf("record LC_ISSUED: %v", err)
	}

	got, err := customs.Milestones(ctx, trade)
	if err != nil {
		t.Fatalf("read through Customs: %v", err)
	}
	if len(got) != 2 {
		t.Fatalf("Customs sees %d milestones, want 2", len(got))
	}
	if got[0].TxID != applied.TxID || got[0].EventHash != sha("applied") || got[1].TxID != issued.TxID {
		t.Fatalf("read back %+v, want tx %s and %s", got, applied.TxID, issued.TxID)
	}
	if got[1].PrevHash != got[0].RecordHash || got[1].Seq != 2 {
		t.Fatalf("hash chain broken: %+v", got)
	}
	v, err := customs.VerifyDocument(ctx, trade, sha("issued"))
	if err != nil || v.Milestone != "LC_ISSUED" {
		t.Fatalf("verify = %+v, %v", v, err)
	}

	// A retry after an unknown outcome returns the original record, not a second one.
	again, err := importer.RecordMilestone(ctx, trade, "LC_ISSUED", sha("issued"))
	if err != nil || again.TxID != issued.TxID {
		t.Fatalf("idempotent retry = %+v, %v; want tx %s", again, err, issued.TxID)
	}
}

// TestChaincodeRefusals: identities the chaincode must refuse, and an out-of-order milestone.
func TestChaincodeRefusals(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	importer, exporter, customs := connect(t, "ImporterBankMSP"), connect(t, "ExporterBankMSP"), connect(t, "CustomsMSP")
	trade := newTradeID(t)
	if _, err := importer.RecordMilestone(ctx, trade, "LC_APPLIED", sha("a")); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		c        *ledger.Client
		m        string
		wantCode string
		mayPass  bool // a lagging peer can say OUT_OF_ORDER for a milestone that will be in order
	}{
		{"the exporter's bank cannot issue the LC", exporter, "LC_ISSUED", "NOT_ENTITLED", false},
		{"customs cannot honour", customs, "HONOURED", "NOT_ENTITLED", false},
		{"the issuing bank cannot honour before presentation", importer, "HONOURED", "OUT_OF_ORDER", true},
		{"the same milestone with another hash", importer, "LC_APPLIED", "CONFLICT", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.c.RecordMilestone(ctx, trade, c.m, sha(c.name))
			var refusal *ledger.RefusalError
			if !errors.As(err, &refusal) || !errors.Is(err, ledger.ErrRefused) {
				t.Fatalf("err = %v, want a refusal", err)
			}
			if refusal.Code != c.wantCode || !strings.Contains(err.Error(), c.m) || refusal.MayPass() != c.mayPass {
				t.Fatalf("refusal %q (may pass: %v), want code %s naming %s", err, refusal.MayPass(), c.wantCode, c.m)
			}
		})
	}
	got, err := customs.Milestones(ctx, trade)
	if err != nil || len(got) != 1 {
		t.Fatalf("after refusals the trade has %d milestones (%v), want 1", len(got), err)
	}
}

// TestActivityErrorsSayWhetherToRetry: as a Temporal activity, a refusal that holds is never
// retried, and one that may pass (OUT_OF_ORDER: the endorsing peer may lag) is retried — under a
// type of its own, not RefusalError, which the workflow's retry policy lists as never to retry.
func TestActivityErrorsSayWhetherToRetry(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	act := ledger.Activities{Ledger: connect(t, "ImporterBankMSP")}
	trade := newTradeID(t)
	if _, err := act.RecordMilestone(ctx, ledger.RecordInput{TradeID: trade, Milestone: "LC_APPLIED", SHA256: sha("a")}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		milestone, hash, wantType string
		retryable                 bool
	}{
		{"HONOURED", sha("h"), ledger.PassingRefusalErrorType, true},
		{"LC_APPLIED", sha("other"), ledger.RefusalErrorType, false},
	} {
		_, err := act.RecordMilestone(ctx, ledger.RecordInput{TradeID: trade, Milestone: c.milestone, SHA256: c.hash})
		var app *temporal.ApplicationError
		if !errors.As(err, &app) || app.Type() != c.wantType || app.NonRetryable() == c.retryable {
			t.Errorf("%s: err = %v, want an application error of type %s, retryable %v", c.milestone, err, c.wantType, c.retryable)
		}
	}
}

// TestChaincodeOrderIsThePartialOrder: on the real network, customs clears the export and the
// goods ship while the banks are still issuing (customs waits for no bank), amendments go on
// the ledger between issue and honour any number of times, a refused presentation is presented
// again, a retry of the first presentation returns its own record rather than a third, and the
// one per-trade hash chain links every record.
func TestChaincodeOrderIsThePartialOrder(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	orgs := map[string]*ledger.Client{"ImporterBankMSP": connect(t, "ImporterBankMSP"), "ExporterBankMSP": connect(t, "ExporterBankMSP"), "CustomsMSP": connect(t, "CustomsMSP")}
	trade := newTradeID(t)
	steps := []struct{ org, m, hash string }{
		{"ImporterBankMSP", "LC_APPLIED", "applied"},
		{"CustomsMSP", "EXPORT_CLEARED", "cleared"},
		{"ImporterBankMSP", "LC_ISSUED", "issued"},
		{"CustomsMSP", "SHIPPED", "shipped"},
		{"ImporterBankMSP", "LC_AMENDED", "amended-1"},
		{"ImporterBankMSP", "LC_AMENDED", "amended-2"},
		{"ExporterBankMSP", "DOCUMENTS_PRESENTED", "presented-1"},
		{"ImporterBankMSP", "DOCUMENTS_REFUSED", "refused-1"},
		{"ExporterBankMSP", "DOCUMENTS_PRESENTED", "presented-2"},
		{"ExporterBankMSP", "DOCUMENTS_PRESENTED", "presented-1"}, // a late retry of the first
		{"ImporterBankMSP", "HONOURED", "honoured"},
		{"CustomsMSP", "IMPORT_RELEASED", "released"}, // the goods before the banks settle
		{"ImporterBankMSP", "SETTLED", "settled"},
		{"ImporterBankMSP", "CLOSED", "closed"},
	}
	txs := map[string]string{}
	for _, s := range steps {
		r, err := orgs[s.org].RecordMilestone(ctx, trade, s.m, sha(s.hash))
		var refusal *ledger.RefusalError
		// An endorsing peer that has not committed the previous block yet answers OUT_OF_ORDER or
		// an endorsement that differs from the other's: both pass in moments.
		for try := 0; err != nil && (!errors.As(err, &refusal) || refusal.MayPass()) && try < 20; try++ {
			time.Sleep(200 * time.Millisecond)
			r, err = orgs[s.org].RecordMilestone(ctx, trade, s.m, sha(s.hash))
		}
		if err != nil {
			t.Fatalf("%s %s: %v", s.m, s.hash, err)
		}
		if tx, again := txs[s.hash]; again && r.TxID != tx {
			t.Fatalf("the retry of %s made a new record %s, want %s", s.hash, r.TxID, tx)
		}
		txs[s.hash] = r.TxID
	}
	if _, err := orgs["CustomsMSP"].RecordMilestone(ctx, trade, "SHIPPED", sha("shipped-again")); err == nil {
		t.Fatal("a milestone after CLOSED was accepted")
	}
	got, err := orgs["CustomsMSP"].Milestones(ctx, trade)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(steps)-1 {
		t.Fatalf("the chain has %d records, want %d", len(got), len(steps)-1)
	}
	for i := 1; i < len(got); i++ {
		if got[i].PrevHash != got[i-1].RecordHash || got[i].Seq != i+1 {
			t.Fatalf("hash chain broken at %d: %+v", i, got[i])
		}
	}
}

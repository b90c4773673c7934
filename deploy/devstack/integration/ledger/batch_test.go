//go:build !unit

package ledger_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
)

// TestABatchIsOneTransactionOfLinkedRecords: the issuing bank's LC_APPLIED and LC_ISSUED go in one
// transaction (one block, one transaction ID) as two records, each its own sequence number and
// hash link, read back so through another organisation's peer; the same batch again (a retry
// after an unknown outcome) orders nothing and returns the same records; a wait for the second
// record wakes on the batch's chaincode event.
func TestABatchIsOneTransactionOfLinkedRecords(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	importer, customs := connect(t, "ImporterBankMSP"), connect(t, "CustomsMSP")
	trade := newTradeID(t)
	batch := []ledger.RecordInput{
		{TradeID: trade, Milestone: "LC_APPLIED", SHA256: sha("applied " + trade)},
		{TradeID: trade, Milestone: "LC_ISSUED", SHA256: sha("issued " + trade)},
	}
	_ = customs.AwaitRecorded(ctx, ledger.RecordInput{TradeID: trade, Milestone: "LC_ISSUED", SHA256: sha("never")}, time.Second) // opens the event stream
	waited := make(chan error, 1)
	go func() { waited <- customs.AwaitRecorded(ctx, batch[1], time.Minute) }()
	time.Sleep(200 * time.Millisecond)

	rs, err := importer.RecordMilestones(ctx, trade, batch)
	if err != nil || len(rs) != 2 {
		t.Fatalf("record the batch: %d receipts, %v", len(rs), err)
	}
	if rs[0].TxID != rs[1].TxID || rs[0].Block == 0 || rs[0].Block != rs[1].Block {
		t.Fatalf("two transactions or blocks for one batch: %+v", rs)
	}
	if rs[0].Seq != 1 || rs[1].Seq != 2 || rs[0].PrevHash != "" || rs[1].PrevHash != rs[0].RecordHash || rs[1].Milestone != "LC_ISSUED" {
		t.Fatalf("the batch's records are not linked in order: %+v", rs)
	}
	select {
	case err := <-waited:
		if err != nil {
			t.Fatalf("wait for the batch's second record: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the wait for the batch's second record did not wake on the batch's event")
	}
	got, err := customs.Milestones(ctx, trade)
	if err != nil || len(got) != 2 || got[1] != rs[1].Record {
		t.Fatalf("read back through customs: %+v, %v; want %+v", got, err, rs[1].Record)
	}
	again, err := importer.RecordMilestones(ctx, trade, batch)
	if err != nil || len(again) != 2 || again[0].Record != rs[0].Record || again[1].Record != rs[1].Record || again[1].Block != 0 {
		t.Fatalf("the batch again: %+v, %v; want the same records, ordered by no new transaction", again, err)
	}
}

// TestABatchCommitsUpToTheFirstRefusal: a batch whose second milestone the rules refuse (the
// issuing bank cannot honour before a presentation) commits the first and returns its receipt
// alone; a batch whose first is refused fails as one milestone does, and writes nothing; a
// batch naming one milestone twice is refused outright.
func TestABatchCommitsUpToTheFirstRefusal(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	importer := connect(t, "ImporterBankMSP")
	trade := newTradeID(t)
	applied := ledger.RecordInput{TradeID: trade, Milestone: "LC_APPLIED", SHA256: sha("applied " + trade)}
	issued := ledger.RecordInput{TradeID: trade, Milestone: "LC_ISSUED", SHA256: sha("issued " + trade)}
	honoured := ledger.RecordInput{TradeID: trade, Milestone: "HONOURED", SHA256: sha("honoured " + trade)}

	rs, err := importer.RecordMilestones(ctx, trade, []ledger.RecordInput{applied, honoured, issued})
	if err != nil || len(rs) != 1 || rs[0].Milestone != "LC_APPLIED" || rs[0].Block == 0 {
		t.Fatalf("a batch refused at its second: %+v, %v; want LC_APPLIED committed alone", rs, err)
	}
	var refusal *ledger.RefusalError
	if _, err := importer.RecordMilestones(ctx, trade, []ledger.RecordInput{honoured, issued}); !errors.As(err, &refusal) || refusal.Code != "OUT_OF_ORDER" {
		t.Fatalf("a batch refused at its first: %v, want OUT_OF_ORDER", err)
	}
	if _, err := importer.RecordMilestones(ctx, trade, []ledger.RecordInput{issued, issued}); !errors.As(err, &refusal) || refusal.Code != "INVALID_ARGUMENT" {
		t.Fatalf("a batch with one milestone twice: %v, want INVALID_ARGUMENT", err)
	}
	got, err := importer.Milestones(ctx, trade)
	if err != nil || len(got) != 1 {
		t.Fatalf("after the refusals the trade has %+v (%v), want LC_APPLIED alone", got, err)
	}
}

package app

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

// batchAgent is an agent whose batches are recorded into signed (one slice per transaction).
func batchAgent(idx Index, signed *[][]string) App {
	return App{Org: "ImporterBankMSP", Index: idx, Log: slog.New(slog.DiscardHandler), Now: time.Now,
		SubmitBatch: func(_ context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error) {
			var names []string
			rs := make([]ledger.Receipt, len(ins))
			for i, in := range ins {
				names, rs[i] = append(names, in.Milestone), ledger.Receipt{Record: ledger.Record{Milestone: in.Milestone, TxID: "tx"}}
			}
			*signed = append(*signed, names)
			return rs, nil
		}}
}

var applied = domain.Entry{Type: "lc.applied.v1", ID: "ev-1", SHA256: sha("applied")}

// TestABatchSignsItsJustifiedMilestonesInOneTransaction: the agent verifies every milestone of a
// batch and signs them together; it signs the ones before a forgery and leaves the forgery (and
// what follows) for the workflow to ask again, which then refuses it alone; a batch whose first
// milestone is a forgery signs nothing.
func TestABatchSignsItsJustifiedMilestonesInOneTransaction(t *testing.T) {
	ctx := context.Background()
	idx := &lagging{now: []domain.Entry{applied, issued}}
	in := func(m, hash string) ledger.RecordInput {
		return ledger.RecordInput{TradeID: "T", Milestone: m, SHA256: hash}
	}
	var signed [][]string
	a := batchAgent(idx, &signed)

	rs, err := a.RecordBatch(ctx, []ledger.RecordInput{in("LC_APPLIED", applied.SHA256), in("LC_ISSUED", issued.SHA256)})
	if err != nil || len(rs) != 2 || !slices.Equal(signed[0], []string{"LC_APPLIED", "LC_ISSUED"}) || len(signed) != 1 {
		t.Fatalf("a justified batch: %+v, %v; signed %v", rs, err, signed)
	}
	signed = nil
	rs, err = a.RecordBatch(ctx, []ledger.RecordInput{in("LC_ISSUED", issued.SHA256), in("HONOURED", sha("forged")), in("SETTLED", sha("x"))})
	if err != nil || len(rs) != 1 || len(signed) != 1 || !slices.Equal(signed[0], []string{"LC_ISSUED"}) {
		t.Fatalf("a batch with a forgery second: %+v, %v; signed %v; want LC_ISSUED alone", rs, err, signed)
	}
	signed = nil
	_, err = a.RecordBatch(ctx, []ledger.RecordInput{in("HONOURED", sha("forged")), in("LC_ISSUED", issued.SHA256)})
	var refusal *Refusal
	if !errors.As(err, &refusal) || len(signed) != 0 {
		t.Fatalf("a batch with a forgery first: %v, signed %v; want a refusal and nothing signed", err, signed)
	}
}

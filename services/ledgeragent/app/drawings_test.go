package app

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

// A drawing's milestone is signed with its drawing's reference: the agent submits what the
// workflow asked for, reference included, once the event justifies it (chaincode/rules/drawings.go).
func TestADrawingsReferenceReachesTheLedger(t *testing.T) {
	honoured := domain.Entry{Type: "lc.honoured.v1", ID: "ev-h2", SHA256: sha("honoured P-2")}
	var got ledger.RecordInput
	a := App{Org: "ImporterBankMSP", Index: &lagging{now: []domain.Entry{honoured}}, Log: slog.New(slog.DiscardHandler), Now: time.Now,
		Submit: func(_ context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
			got = in
			return ledger.Receipt{Record: ledger.Record{TxID: "tx", Drawing: in.Drawing}}, nil
		}}
	r, err := a.Record(context.Background(), ledger.RecordInput{TradeID: "T", Milestone: "HONOURED", Drawing: "P-2", SHA256: honoured.SHA256})
	if err != nil || got.Drawing != "P-2" || r.Drawing != "P-2" {
		t.Fatalf("err %v, submitted %+v, receipt %+v", err, got, r)
	}
}

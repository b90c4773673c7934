//go:build !unit

package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// drawingsPath is the ledger of a credit drawn twice, each milestone with its drawing's
// reference ("" for none) and the organisation that commits it.
var drawingsPath = []struct{ milestone, drawing, org string }{
	{"LC_APPLIED", "", "ImporterBankMSP"}, {"LC_ISSUED", "", "ImporterBankMSP"}, {"LC_ADVISED", "", "ExporterBankMSP"},
	{"LC_ACCEPTED", "", "ExporterBankMSP"}, {"EXPORT_CLEARED", "", "CustomsMSP"}, {"SHIPPED", "", "CustomsMSP"},
	{"DOCUMENTS_PRESENTED", "P-1", "ExporterBankMSP"}, {"HONOURED", "P-1", "ImporterBankMSP"}, {"SETTLED", "P-1", "ImporterBankMSP"},
	{"SHIPPED", "", "CustomsMSP"}, {"DOCUMENTS_PRESENTED", "P-2", "ExporterBankMSP"}, {"HONOURED", "P-2", "ImporterBankMSP"},
	{"LC_FULLY_DRAWN", "", "ImporterBankMSP"}, {"SETTLED", "P-2", "ImporterBankMSP"},
	{"IMPORT_RELEASED", "", "CustomsMSP"}, {"CLOSED", "", "ImporterBankMSP"},
}

// TestMultiDrawingCredit walks over HTTP on the real stack a credit allowing partial shipments
// (UCP 600 Art. 31) drawn by two presentations, each with its own bill of lading, each honoured
// and paid on its own; the second draws it in full and the workflow closes the trade. The ledger,
// read through every organisation's peer, holds each drawing's milestones with its reference, in
// an order the chaincode's rules accept, its hash chain unbroken, and the LC API shows the balance.
func TestMultiDrawingCredit(t *testing.T) {
	p := startPlatform(t)
	events := watchTopics(t, p.brokers)
	tradeID := "E2E-" + time.Now().UTC().Format("150405.000") + "-D"
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := p.client(t)
	c.Progress = func(format string, args ...any) { t.Logf("%s: "+format, append([]any{tradeID}, args...)...) }
	r, err := c.RunDrawings(ctx, scenario.Trade{ID: tradeID, Today: time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	scenario.Print(&out, r.Timeline)
	t.Logf("trade %s\n%s", tradeID, out.String())
	tl := r.Timeline
	if tl.Status != "CLOSED" || len(tl.Pending) != 0 {
		t.Fatalf("status %s, pending %+v", tl.Status, tl.Pending)
	}
	for _, m := range tl.Milestones {
		if m.Error != "" || m.TxID == "" {
			t.Errorf("milestone %s of %q: tx %q, error %q", m.Name, m.Drawing, m.TxID, m.Error)
		}
	}

	checkDrawingsLedger(ctx, t, p, tl, events)

	var credit struct {
		Status  string `json:"status"`
		Balance struct {
			Drawn      money.Money `json:"drawn"`
			FullyDrawn bool        `json:"fullyDrawn"`
		} `json:"balance"`
	}
	if err := c.Get(ctx, c.LC+"/v1/letters-of-credit/"+r.LCID, "ingrid", &credit); err != nil {
		t.Fatal(err)
	}
	if credit.Status != "HONOURED" || !credit.Balance.FullyDrawn || credit.Balance.Drawn.Minor != 84_000_00 {
		t.Errorf("the credit: %+v, want HONOURED and fully drawn", credit)
	}
}

// checkDrawingsLedger: the ledger of the drawn trade, read through every organisation's peer,
// holds drawingsPath's milestones with their drawings' references, in an order the chaincode's
// rules accept, each hashed as its event on Kafka, the hash chain unbroken, the trade over.
func checkDrawingsLedger(ctx context.Context, t *testing.T, p *platform, tl tradeview.Timeline, events *published) {
	t.Helper()
	tradeID := tl.TradeID
	views := map[string]string{}
	var recs []struct{ milestone, drawing, org string }
	for _, msp := range []string{"ImporterBankMSP", "ExporterBankMSP", "CustomsMSP"} {
		chain, err := p.Ledger[msp].Milestones(ctx, tradeID)
		if err != nil {
			t.Fatalf("read through %s's peer: %v", msp, err)
		}
		views[msp] = fmt.Sprint(chain)
		if recs != nil {
			continue
		}
		var st rules.State
		for i, rec := range chain {
			if err := rules.CheckDrawing(rules.Type(rec.Milestone), rec.Drawing, st, rec.Org); err != nil {
				t.Errorf("ledger record %d, %s of %q by %s: %v", i+1, rec.Milestone, rec.Drawing, rec.Org, err)
			}
			st = st.AfterDrawing(rules.Type(rec.Milestone), rec.Drawing)
			if i > 0 && rec.PrevHash != chain[i-1].RecordHash {
				t.Errorf("%s: previous hash %s breaks the chain", rec.Milestone, rec.PrevHash)
			}
			k := slices.IndexFunc(tl.Milestones, func(m tradeview.Milestone) bool { // a transaction may hold a batch
				return m.TxID == rec.TxID && m.Name == rec.Milestone && m.Drawing == rec.Drawing
			})
			if k < 0 {
				t.Errorf("ledger record %d (%s in %s) is not on the timeline", i+1, rec.Milestone, rec.TxID)
			} else if m := tl.Milestones[k]; rec.Milestone != "CLOSED" && rec.EventHash != events.fingerprint(m.EventID) {
				t.Errorf("%s of %q: ledger hash %s is not its event %s's on Kafka", rec.Milestone, rec.Drawing, rec.EventHash, m.EventID)
			}
			recs = append(recs, struct{ milestone, drawing, org string }{rec.Milestone, rec.Drawing, rec.Org})
		}
		if !st.Ended() {
			t.Errorf("the ledger's trade is not over: %+v", st)
		}
	}
	if views["ExporterBankMSP"] != views["ImporterBankMSP"] || views["CustomsMSP"] != views["ImporterBankMSP"] {
		t.Fatalf("the peers disagree:\n%v", views)
	}
	got, want := sortedSteps(recs), sortedSteps(drawingsPath)
	if !slices.Equal(got, want) {
		t.Errorf("ledger milestones\n got %v\nwant %v", got, want)
	}

}

// sortedSteps lists each milestone with its drawing and organisation, sorted (the tracks run
// side by side, so the order is the rules' to check, not a fixed list's).
func sortedSteps(ss []struct{ milestone, drawing, org string }) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.milestone + "/" + s.drawing + "@" + s.org
	}
	slices.Sort(out)
	return out
}

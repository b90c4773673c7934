//go:build !unit

package e2e_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	enums "go.temporal.io/api/enums/v1"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// step is a milestone of the trade, the event that makes it and the organisation whose identity
// commits it.
type step struct{ milestone, event, org string }

// happyPath is every milestone of a trade whose documents comply. The ledger's order is the
// chaincode's partial order (chaincode/rules), not this list's: tracks that do not wait for each
// other (customs' clearance and the credit's advice; the payment and the import release) commit
// in whichever order they become ready, so the checks below replay the rules instead.
var happyPath = []step{
	{"LC_APPLIED", "lc.applied.v1", "ImporterBankMSP"},
	{"LC_ISSUED", "lc.issued.v1", "ImporterBankMSP"},
	{"LC_ADVISED", "lc.advised.v1", "ExporterBankMSP"},
	{"LC_ACCEPTED", "lc.accepted.v1", "ExporterBankMSP"},
	{"EXPORT_CLEARED", "customs.export_cleared.v1", "CustomsMSP"},
	{"SHIPPED", "customs.bill_of_lading_issued.v1", "CustomsMSP"},
	{"DOCUMENTS_PRESENTED", "lc.documents_presented.v1", "ExporterBankMSP"},
	{"HONOURED", "lc.honoured.v1", "ImporterBankMSP"},
	{"SETTLED", "settlement.payment_settled.v1", "ImporterBankMSP"},
	{"IMPORT_RELEASED", "customs.import_released.v1", "CustomsMSP"},
	{"CLOSED", "customs.import_released.v1", "ImporterBankMSP"}, // the workflow closes the trade on release
}

// refusalPath is a trade whose first presentation is refused (UCP 600 Art. 16) and whose
// discrepancy the applicant waives.
var refusalPath = slices.Concat(happyPath[:7], []step{
	{"DOCUMENTS_REFUSED", "lc.documents_refused.v1", "ImporterBankMSP"},
	{"DISCREPANCY_WAIVED", "lc.discrepancies_waived.v1", "ImporterBankMSP"},
}, happyPath[7:])

// TestEndToEnd walks three trades at once through every service, the trade workflow and the
// Fabric network — two whose documents comply, one refused and then waived — and checks each
// from every side: the timeline, the ledger read through other organisations' peers, the hashes
// against the events on Kafka, each service's final state, and the trace from each request to its
// Fabric commit.
func TestEndToEnd(t *testing.T) {
	p := startPlatform(t)
	events := watchTopics(t, p.brokers)
	stamp := time.Now().UTC().Format("150405.000")
	for _, name := range []string{"A", "B", "C (refused, waived)"} {
		discrepant := strings.HasPrefix(name, "C")
		path := happyPath
		if discrepant {
			path = refusalPath
		}
		tradeID := fmt.Sprintf("E2E-%s-%s", stamp, name[:1])
		t.Run("trade "+name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
			defer cancel()
			c := p.client(t)
			c.Progress = func(format string, args ...any) { t.Logf("%s: "+format, append([]any{tradeID}, args...)...) }
			start := time.Now()
			r, err := c.Run(ctx, scenario.Trade{ID: tradeID, Today: time.Now().UTC(), Discrepant: discrepant})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			scenario.Print(&out, r.Timeline)
			t.Logf("trade %s closed in %s\n%s", tradeID, time.Since(start).Round(time.Millisecond), out.String())

			checkTimeline(t, r, path)
			checkLedger(ctx, t, p, r, events, path)
			checkServices(ctx, t, p, r)
			checkTraces(t, p, r, path)
		})
	}
}

func checkTimeline(t *testing.T, r scenario.Result, path []step) {
	t.Helper()
	tl := r.Timeline
	if tl.Status != "CLOSED" || tl.Workflow.Status != enums.WORKFLOW_EXECUTION_STATUS_COMPLETED.String() || len(tl.Pending) != 0 {
		t.Fatalf("trade %s: status %s, workflow %s, pending %v", r.TradeID, tl.Status, tl.Workflow.Status, tl.Pending)
	}
	if tl.Payment == nil || tl.Payment.Status != "instructed" || tl.Payment.PresentationID != "P-1" {
		t.Errorf("trade %s: the workflow's payment instruction: %+v", r.TradeID, tl.Payment)
	}
	if len(tl.Milestones) != len(path) {
		t.Fatalf("trade %s: %d milestones, want %d", r.TradeID, len(tl.Milestones), len(path))
	}
	names := make([]string, len(tl.Milestones))
	for i, m := range tl.Milestones {
		names[i] = m.Name
		want, ok := stepOf(path, m.Name)
		if !ok || m.Org != want.org || m.TxID == "" || m.Block == 0 || m.Error != "" {
			t.Errorf("milestone %d: %+v, want one of the path's, by %s with a transaction and block", i+1, m, want.org)
		}
	}
	checkOrder(t, names, path)
}

// stepOf finds the path's step of a milestone (each occurs once in a path).
func stepOf(path []step, milestone string) (step, bool) {
	i := slices.IndexFunc(path, func(s step) bool { return s.milestone == milestone })
	if i < 0 {
		return step{}, false
	}
	return path[i], true
}

// checkOrder: names holds each of the path's milestones once, and each may follow those before
// it by the chaincode's rules.
func checkOrder(t *testing.T, names []string, path []step) {
	t.Helper()
	want := make([]string, len(path))
	for i, s := range path {
		want[i] = s.milestone
	}
	got := slices.Clone(names)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("milestones %v, want each of %v once", names, want)
	}
	var st rules.State
	for _, n := range names {
		if err := rules.Check(rules.Type(n), st, rules.EntitledOrg(rules.Type(n))); err != nil {
			t.Errorf("%s after %v: %v", n, st, err)
		}
		st = st.After(rules.Type(n))
	}
}

// checkLedger reads the trade back through every organisation's peer: each milestone is thus read
// through at least two peers of organisations that did not commit it.
func checkLedger(ctx context.Context, t *testing.T, p *platform, r scenario.Result, published *published, path []step) {
	t.Helper()
	var views [][]ledger.Record
	for _, msp := range []string{"ImporterBankMSP", "ExporterBankMSP", "CustomsMSP"} {
		recs, err := p.Ledger[msp].Milestones(ctx, r.TradeID)
		if err != nil {
			t.Fatalf("read through %s's peer: %v", msp, err)
		}
		views = append(views, recs)
	}
	for _, v := range views[1:] {
		if !slices.Equal(v, views[0]) {
			t.Fatalf("the peers disagree:\n%v\n%v", views[0], v)
		}
	}
	recs := views[0]
	if len(recs) != len(path) {
		t.Fatalf("ledger has %d milestones, want %d", len(recs), len(path))
	}
	names := make([]string, len(recs))
	for i, rec := range recs {
		names[i] = rec.Milestone
		// The timeline lists commits as they were answered, which for two tracks in flight at
		// once need not be the ledger's order: match by transaction (one may hold a batch of an
		// organisation's milestones) and milestone.
		k := slices.IndexFunc(r.Timeline.Milestones, func(m tradeview.Milestone) bool { return m.TxID == rec.TxID && m.Name == rec.Milestone })
		if k < 0 {
			t.Errorf("ledger record %d: %s by %s in %s is not on the timeline", i+1, rec.Milestone, rec.Org, rec.TxID)
			continue
		}
		m := r.Timeline.Milestones[k]
		if want, _ := stepOf(path, rec.Milestone); rec.Milestone != m.Name || rec.Org != want.org || rec.Org != m.Org {
			t.Errorf("ledger record %d: %s by %s in %s; timeline says %s by %s", i+1, rec.Milestone, rec.Org, rec.TxID, m.Name, m.Org)
		}
		want := published.fingerprint(m.EventID)
		if rec.Milestone == "CLOSED" {
			sum := sha256.Sum256([]byte(m.EventID))
			want = hex.EncodeToString(sum[:])
		}
		if want == "" || rec.EventHash != want {
			t.Errorf("%s: ledger hash %s, the event %s on Kafka hashes to %q", rec.Milestone, rec.EventHash, m.EventID, want)
		}
		if i > 0 && rec.PrevHash != recs[i-1].RecordHash {
			t.Errorf("%s: previous hash %s breaks the chain (want %s)", rec.Milestone, rec.PrevHash, recs[i-1].RecordHash)
		}
	}
	checkOrder(t, names, path)
}

// checkTraces: the request that caused each milestone and the Fabric commit of it share a trace.
func checkTraces(t *testing.T, p *platform, r scenario.Result, path []step) {
	t.Helper()
	commits := map[string]trace.TraceID{}
	for _, s := range p.spans.Ended() {
		if s.Name() != "fabric.submit RecordMilestone" {
			continue
		}
		attrs := attribute.NewSet(s.Attributes()...)
		if v, _ := attrs.Value("trade.id"); v.AsString() == r.TradeID {
			m, _ := attrs.Value("milestone")
			commits[m.AsString()] = s.SpanContext().TraceID()
		}
	}
	for _, step := range path {
		want := r.Traces[step.event]
		if !want.IsValid() || commits[step.milestone] != want {
			t.Errorf("%s: Fabric commit in trace %s, the request behind %s in trace %s", step.milestone, commits[step.milestone], step.event, want)
		}
	}
}

//go:build !unit

package e2e_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/identity"
	tfplatform "github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/workflows/verification"
)

// TestVerify reconciles trades on the real stack: a closed complying trade verifies on every
// line; a trade whose next milestone was committed straight through the chaincode by the
// entitled organisation's identity, with a hash of no event, is a MISMATCH on that line.
func TestVerify(t *testing.T) {
	p := startPlatform(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// The LC service and settlement keep their events in the test stack's PostgreSQL; customs
	// runs on SQLite here, so its store is not compared (its events still are, on Kafka).
	src := verification.Sources{Temporal: p.Temporal, KafkaBrokers: p.brokers, KafkaSASL: testenv.KafkaSASL(t),
		Peers:       verification.Peers{p.Ledger["ImporterBankMSP"], p.Ledger["ExporterBankMSP"], p.Ledger["CustomsMSP"]},
		ServiceDSNs: p.stores}
	c := p.client(t)
	today := time.Now().UTC()
	suffix := today.Format("150405.000000")

	clean, err := c.Run(ctx, scenario.Trade{ID: "VERIFY-OK-" + suffix, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	r := verifyReport(ctx, t, src, clean.TradeID)
	if !r.OK() || len(r.Lines) != 11 || !slices.Contains(r.Checked, "lc store") {
		t.Fatalf("the clean trade does not verify on 11 lines:\n%s", write(r))
	}

	checkVerificationRoute(ctx, t, p, src, clean.TradeID)

	w := scenario.NewWalk(scenario.Trade{ID: "VERIFY-FORGED-" + suffix, Today: today})
	if err := c.Apply(ctx, w); err != nil {
		t.Fatal(err)
	}
	if err := c.IssueAdviseAccept(ctx, w); err != nil {
		t.Fatal(err)
	}
	waitMilestones(ctx, t, c, w.TradeID, 4)
	forged := sha256.Sum256([]byte("a clearance that never happened"))
	if _, err := p.Ledger["CustomsMSP"].RecordMilestone(ctx, w.TradeID, "EXPORT_CLEARED", hex.EncodeToString(forged[:])); err != nil {
		t.Fatal(err)
	}
	r = verifyReport(ctx, t, src, w.TradeID)
	if r.OK() || r.Mismatches() != 1 {
		t.Fatalf("want exactly the forged line to mismatch:\n%s", write(r))
	}
	l := r.Lines[4]
	if l.Seq != 5 || l.Milestone != "EXPORT_CLEARED" || l.Status != verification.Mismatch ||
		!strings.Contains(strings.Join(l.Why, ";"), "fingerprint of no event") || !strings.Contains(strings.Join(l.Why, ";"), "the workflow has committed only 4") {
		t.Fatalf("line 5 does not name the forgery:\n%s", write(r))
	}
}

// checkVerificationRoute asks the worker's GET /v1/trades/{id}/verification as the auditor, a
// party and an outsider: the report for the first two, 404 for the third, 401 without a token.
func checkVerificationRoute(ctx context.Context, t *testing.T, p *platform, src verification.Sources, tradeID string) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(verification.Route, identity.Required(verification.Handler(src)))
	srv := httptest.NewServer(tfplatform.Authenticated(p.Auth, mux))
	defer srv.Close()
	for _, c := range []struct {
		user string
		want int
	}{{"audra", http.StatusOK}, {"ingrid", http.StatusOK}, {"olga", http.StatusNotFound}, {"", http.StatusUnauthorized}} {
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/v1/trades/"+tradeID+"/verification", nil)
		if c.user != "" {
			req.Header.Set("Authorization", "Bearer "+testenv.UserToken(t, c.user))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var r verification.Report
		err = json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		if resp.StatusCode != c.want || (c.want == http.StatusOK && (err != nil || !r.OK() || len(r.Lines) != 11)) {
			t.Errorf("GET verification as %q: %d (want %d), report %+v", c.user, resp.StatusCode, c.want, r)
		}
	}
}

func verifyReport(ctx context.Context, t *testing.T, src verification.Sources, tradeID string) verification.Report {
	t.Helper()
	r, err := src.Trade(ctx, tradeID)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", write(r))
	return r
}

func write(r verification.Report) string {
	var b bytes.Buffer
	r.Write(&b)
	return b.String()
}

// waitMilestones waits until the trade view shows n milestones committed.
func waitMilestones(ctx context.Context, t *testing.T, c *scenario.Client, tradeID string, n int) {
	t.Helper()
	for {
		tl, err := c.Timeline(ctx, tradeID)
		if err == nil && len(tl.Milestones) >= n {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("trade %s never had %d milestones (%v)", tradeID, n, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

//go:build !unit

package tradeview_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/workflows/trade"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// waitTaskQueue is this test's own queue on the stack's Temporal server, which no worker of the
// stack serves.
const waitTaskQueue = "tradeview-wait-test"

// standInTrade answers the trade's state query like the trade workflow, continues as new once on
// the signal "next" and closes the trade on "close".
func standInTrade(ctx workflow.Context, st trade.State) (trade.State, error) {
	if err := workflow.SetQueryHandler(ctx, trade.StateQuery, func() (trade.State, error) { return st, nil }); err != nil {
		return st, err
	}
	var what string
	workflow.GetSignalChannel(ctx, "step").Receive(ctx, &what)
	if what == "next" {
		st.Runs++
		return st, workflow.NewContinueAsNewError(ctx, standInTrade, st)
	}
	st.Status = trade.StatusClosed
	return st, nil
}

// TestTheViewHoldsAWaitUntilTheWorkflowCloses: with ?wait the view answers once the trade's
// workflow has closed, after a continue-as-new too, and no later than the wait when it has not.
func TestTheViewHoldsAWaitUntilTheWorkflowCloses(t *testing.T) {
	c, err := client.Dial(client.Options{HostPort: testenv.TemporalAddress(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	w := worker.New(c, waitTaskQueue, worker.Options{})
	w.RegisterWorkflow(standInTrade)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	mux := http.NewServeMux()
	tradeview.Register(mux, c)
	srv := httptest.NewServer(identitytest.Middleware(map[string]identity.Actor{"ingrid": identitytest.Ingrid, "olga": identitytest.Olga}, mux))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tradeID := fmt.Sprintf("TVW-%d", time.Now().UnixNano())
	st := trade.State{TradeID: tradeID, Status: trade.StatusRunning, Parties: []string{identitytest.Ingrid.Org}}
	if _, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: trade.WorkflowID(tradeID), TaskQueue: waitTaskQueue}, standInTrade, st); err != nil {
		t.Fatal(err)
	}
	send := func(who string, wait int) (*http.Response, time.Duration) {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/v1/trades/%s?wait=%d", srv.URL, tradeID, wait), nil)
		req.Header.Set(identitytest.Header, who)
		t0 := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp, time.Since(t0)
	}
	get := func(wait int) (tradeview.Timeline, time.Duration) {
		t.Helper()
		resp, took := send("ingrid", wait)
		defer resp.Body.Close()
		var tl tradeview.Timeline
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&tl) != nil {
			t.Fatalf("GET ?wait=%d: %d", wait, resp.StatusCode)
		}
		return tl, took
	}

	// Someone party to nothing is not held: a wait that ended at the close would tell them when
	// the trade closed.
	if resp, took := send("olga", 30); resp.StatusCode != http.StatusNotFound || took > 5*time.Second {
		t.Fatalf("a non-party's wait=30 answered %d after %s; want 404 at once", resp.StatusCode, took)
	} else {
		resp.Body.Close()
	}

	first, took := get(1)
	if first.Workflow.CloseTime != nil || first.Status != trade.StatusRunning || took < time.Second || took > 10*time.Second {
		t.Fatalf("a running trade with wait=1 answered after %s: %+v; want its timeline, running, after a second", took, first)
	}
	type answer struct {
		tl   tradeview.Timeline
		took time.Duration
	}
	held := make(chan answer, 1)
	go func() { tl, took := get(60); held <- answer{tl, took} }()
	signal := func(what string) {
		if err := c.SignalWorkflow(ctx, trade.WorkflowID(tradeID), "", "step", what); err != nil {
			t.Error(err)
		}
	}
	time.Sleep(time.Second)
	signal("next") // the run continues as new: the wait follows it
	select {
	case a := <-held:
		t.Fatalf("the wait ended at the continue-as-new after %s: %+v", a.took, a.tl.Workflow)
	case <-time.After(2 * time.Second):
	}
	signal("close")
	select {
	case a := <-held:
		if a.tl.Workflow.CloseTime == nil || a.tl.Status != trade.StatusClosed || a.tl.Workflow.RunID == first.Workflow.RunID {
			t.Fatalf("after the close the held answer is %+v (first run %s); want the second run, closed", a.tl, first.Workflow.RunID)
		}
		if a.took > 20*time.Second {
			t.Fatalf("the held answer came %s after the request, long after the close", a.took)
		}
	case <-ctx.Done():
		t.Fatal("the held request never answered")
	}
}

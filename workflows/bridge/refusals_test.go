package bridge_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/serviceerror"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/workflows/bridge"
	"github.com/tradefin/tradefin/workflows/trade"
)

// TestEventsThatCanNeverBeSignalledAreRefused: on the real broker and Temporal server, an event
// whose trade ID breaks the bounds (over Temporal's 1000-character workflow ID limit: on main the
// bridge retried InvalidArgument forever, holding the partition) and an event of a trade no
// credit application started (on main it started a workflow that never ended) go to the poison
// topic; no workflow is started for them, and the next trade's events on the same topic still
// reach their workflow.
func TestEventsThatCanNeverBeSignalledAreRefused(t *testing.T) {
	r := startBridge(t, bridge.Bridge{UnknownTradeGrace: time.Second})
	ctx, c, pub := r.ctx, r.c, r.pub
	publish := func(tradeID, id string, payload any) {
		msg, topic, err := eventbus.Encode(ctx, "/tradefin/test", "placeholder", id, payload)
		if err != nil {
			t.Fatal(err)
		}
		msg.Metadata.Set(eventbus.HeaderSubject, tradeID) // the trade ID as a producer without bounds sent it
		if err := pub.Publish(topic, msg); err != nil {
			t.Fatal(err)
		}
	}
	stamp := time.Now().UnixNano()
	long := fmt.Sprintf("LONG-%d-%s", stamp, strings.Repeat("x", 1200))
	unknown := fmt.Sprintf("UNKNOWN-%d", stamp)
	good := fmt.Sprintf("GOOD-%d", stamp)
	defer func() { _ = c.TerminateWorkflow(context.Background(), trade.WorkflowID(good), "", "test over") }()
	publish(long, long+"-1", contracts.LCApplied{TradeID: long, LCID: "LC1", Amount: money.New(100, money.MustCurrency("USD")), PresentableUntil: "2099-01-01T00:00:00Z"})
	publish(unknown, unknown+"-1", contracts.ExportCleared{TradeID: unknown, DeclarationID: "D1"})
	publish(good, good+"-1", contracts.LCApplied{TradeID: good, LCID: "LC2", Amount: money.New(100, money.MustCurrency("USD")), PresentableUntil: "2099-01-01T00:00:00Z"})

	for _, id := range []string{long, unknown} {
		poisoned := testenv.TradeMessages(ctx, t, testenv.KafkaBrokers(t), contracts.PoisonTopic, id, 1)
		if len(poisoned) != 1 {
			t.Fatalf("%.20s… was not refused to the poison topic", id)
		}
	}
	var notFound *serviceerror.NotFound
	if _, err := c.DescribeWorkflowExecution(ctx, trade.WorkflowID(unknown), ""); !errors.As(err, &notFound) {
		t.Errorf("the unknown trade has a workflow: %v", err)
	}
	for {
		if _, err := c.DescribeWorkflowExecution(ctx, trade.WorkflowID(good), ""); err == nil {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("the next trade's lc.applied.v1 never started its workflow")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestAnEventAheadOfItsCreditWaitsForIt: services publish on separate topics, read by separate
// lanes, so an event may reach the bridge before its trade's lc.applied.v1 has started the
// workflow; within the grace it is retried and reaches the workflow, not refused nor dropped.
func TestAnEventAheadOfItsCreditWaitsForIt(t *testing.T) {
	r := startBridge(t, bridge.Bridge{UnknownTradeGrace: time.Minute})
	ctx, c, pub := r.ctx, r.c, r.pub
	tradeID := fmt.Sprintf("AHEAD-%d", time.Now().UnixNano())
	defer func() { _ = c.TerminateWorkflow(context.Background(), trade.WorkflowID(tradeID), "", "test over") }()
	for i, payload := range []any{contracts.ExportCleared{TradeID: tradeID, DeclarationID: "D1"},
		contracts.LCApplied{TradeID: tradeID, LCID: "LC1", Amount: money.New(100, money.MustCurrency("USD")), PresentableUntil: "2099-01-01T00:00:00Z"}} {
		msg, topic, err := eventbus.Encode(ctx, "/tradefin/test", tradeID, fmt.Sprintf("%s-%d", tradeID, i), payload)
		if err != nil {
			t.Fatal(err)
		}
		if err := pub.Publish(topic, msg); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Second) // the clearance is refused by Temporal at least once
	}
	for {
		var st trade.State
		if v, err := c.QueryWorkflow(ctx, trade.WorkflowID(tradeID), "", trade.StateQuery); err == nil && v.Get(&st) == nil && st.EventsReceived == 2 {
			return
		}
		if ctx.Err() != nil {
			t.Fatal("the clearance that came ahead of its credit never reached the workflow")
		}
		time.Sleep(300 * time.Millisecond)
	}
}

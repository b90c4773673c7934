package bridge_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
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
	brokers := testenv.KafkaBrokers(t)
	c, err := client.Dial(client.Options{HostPort: testenv.TemporalAddress(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	w := worker.New(c, trade.TaskQueue, worker.Options{})
	w.RegisterWorkflow(trade.Workflow)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	go func() {
		_ = (bridge.Bridge{Temporal: c, UnknownTradeGrace: time.Second}).Run(ctx, brokers, testenv.KafkaSASL(t))
	}()
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
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
		poisoned := testenv.TradeMessages(ctx, t, brokers, contracts.PoisonTopic, id, 1)
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

package bridge_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
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

// TestEventOnKafkaStartsAndSignalsTheTradeWorkflow runs the bridge between the real broker and the
// real Temporal server: an lc.applied.v1 event starts the trade's workflow with the credit's
// expiry, a second event signals the same workflow, a redelivery adds nothing, and the workflow
// holds each event with the fingerprint the publisher's side computes.
func TestEventOnKafkaStartsAndSignalsTheTradeWorkflow(t *testing.T) {
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
	go func() { _ = (bridge.Bridge{Temporal: c}).Run(ctx, brokers, testenv.KafkaSASL(t)) }()

	tradeID := fmt.Sprintf("BR-%d", time.Now().UnixNano())
	// Its LC_APPLIED waits for a ledger worker that never comes here: end the workflow so a later
	// test's ledger worker does not commit it.
	defer func() { _ = c.TerminateWorkflow(context.Background(), trade.WorkflowID(tradeID), "", "test over") }()
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	want := map[string]string{}
	publish := func(id string, payload any) *message.Message {
		msg, topic, err := eventbus.Encode(ctx, "/tradefin/test", tradeID, id, payload)
		if err != nil {
			t.Fatal(err)
		}
		env, err := eventbus.Decode(msg)
		if err != nil {
			t.Fatal(err)
		}
		if want[id], err = contracts.Fingerprint(env); err != nil {
			t.Fatal(err)
		}
		if err := pub.Publish(topic, msg); err != nil {
			t.Fatal(err)
		}
		return msg
	}
	publish(tradeID+"-1", contracts.LCApplied{TradeID: tradeID, LCID: "LC1", Amount: money.New(100, money.MustCurrency("USD")), ExpiryDate: "2027-03-31"})
	declared := publish(tradeID+"-2", contracts.ExportDeclared{TradeID: tradeID, DeclarationID: "D1", HSCodes: []string{"090111"}})
	if err := pub.Publish(contracts.Topic("customs.export_declared.v1"), declared.Copy()); err != nil { // Kafka redelivers
		t.Fatal(err)
	}

	var st trade.State
	for len(st.Events) < 2 {
		if ctx.Err() != nil {
			t.Fatalf("workflow state never showed both events: %+v", st)
		}
		time.Sleep(200 * time.Millisecond)
		v, err := c.QueryWorkflow(ctx, trade.WorkflowID(tradeID), "", trade.StateQuery)
		if err != nil {
			continue // not started yet
		}
		if err := v.Get(&st); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(time.Second) // a redelivery would show up now
	v, err := c.QueryWorkflow(ctx, trade.WorkflowID(tradeID), "", trade.StateQuery)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Get(&st); err != nil {
		t.Fatal(err)
	}
	if len(st.Events) != 2 {
		t.Fatalf("events %+v", st.Events)
	}
	for _, e := range st.Events {
		if e.SHA256 != want[e.ID] {
			t.Errorf("%s: workflow has hash %s, publisher computed %s", e.Type, e.SHA256, want[e.ID])
		}
	}
	if !st.LCExpiry.Equal(time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("expiry %v: want the end of 31 March 2027", st.LCExpiry)
	}
	if len(st.Pending) != 1 || st.Pending[0].Name != "LC_APPLIED" { // nobody serves the ledger queue here
		t.Errorf("pending %+v", st.Pending)
	}
}

package bridge_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/workflows/bridge"
	"github.com/tradefin/tradefin/workflows/trade"
)

// TestEventOnKafkaStartsAndSignalsTheTradeWorkflow runs the bridge between the real broker and the
// real Temporal server: an lc.applied.v1 event starts the trade's workflow with the LC service's
// presentable-until instant as its expiry, a second event signals the same workflow, a
// redelivery adds nothing, an event the workflow does not act on (a declaration) is not
// signalled, and the workflow holds each event with the fingerprint the publisher's side computes.
func TestEventOnKafkaStartsAndSignalsTheTradeWorkflow(t *testing.T) {
	r := startBridge(t, bridge.Bridge{})
	ctx, c, pub := r.ctx, r.c, r.pub

	tradeID := fmt.Sprintf("BR-%d", time.Now().UnixNano())
	// Its LC_APPLIED waits for a ledger worker that never comes here: end the workflow so a later
	// test's ledger worker does not commit it.
	defer func() { _ = c.TerminateWorkflow(context.Background(), trade.WorkflowID(tradeID), "", "test over") }()
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
	// 31 July 2027 is a Saturday: the LC service says the credit is presentable until Monday's
	// close of business at the place of expiry (UCP 600 Art. 29(a)), not the date + 1 day.
	publish(tradeID+"-1", contracts.LCApplied{TradeID: tradeID, LCID: "LC1", Amount: money.New(100, money.MustCurrency("USD")), ExpiryDate: "2027-07-31",
		PresentableUntil: "2027-08-02T15:00:00Z"})
	publish(tradeID+"-0", contracts.ExportDeclared{TradeID: tradeID, DeclarationID: "D1", HSCodes: []string{"090111"}})
	cleared := publish(tradeID+"-2", contracts.ExportCleared{TradeID: tradeID, DeclarationID: "D1"})
	if err := pub.Publish(contracts.Topic("customs.export_cleared.v1"), cleared.Copy()); err != nil { // Kafka redelivers
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
	if !st.LCExpiry.Equal(time.Date(2027, 8, 2, 15, 0, 0, 0, time.UTC)) || st.LCID != "LC1" {
		t.Errorf("expiry %v of %q: want the LC service's instant, 2 August 2027 15:00 UTC, of LC1", st.LCExpiry, st.LCID)
	}
	if len(st.Pending) != 2 || st.Pending[0].Name != "LC_APPLIED" || st.EventsReceived != 2 { // nobody serves the ledger queue here
		t.Errorf("pending %+v", st.Pending)
	}
}

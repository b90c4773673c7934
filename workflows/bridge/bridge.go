// Package bridge carries the services' integration events from Kafka to the trade workflows: each
// event becomes a signal to its trade's workflow, which it starts when it is not running yet.
package bridge

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/workflows/trade"
)

// Topics are the integration-event topics the bridge consumes.
var Topics = []string{contracts.Topic("lc.applied.v1"), contracts.Topic("customs.export_cleared.v1"), contracts.Topic("settlement.payment_settled.v1")}

// ConsumerGroup is the bridge's Kafka consumer group: its offsets say which events were signalled.
const ConsumerGroup = "trade-bridge"

// Bridge signals trade workflows.
type Bridge struct {
	Temporal client.Client
	Log      *slog.Logger
	// MaxBackoff caps the wait between attempts while Temporal is unavailable.
	MaxBackoff time.Duration
	// Lanes is how many consumers of each topic's group signal side by side (default 4, the
	// topics' partition count). One lane signals one event at a time, and a signal is a Temporal
	// round trip: at tens of milliseconds each, a single lane caps the platform near one trade a
	// second. The group gives each lane its own partitions, and a trade's events share a
	// partition, so each trade's events still reach its workflow in order.
	Lanes int
}

// Handle signals the event to its trade's workflow (starting it if needed). A message that does
// not decode is permanent and goes to the poison topic; while Temporal is unreachable it keeps
// trying, holding the partition, because a lost signal would stall the trade.
func (b Bridge) Handle(msg *message.Message) error {
	env, err := eventbus.Decode(msg)
	if err != nil {
		return err
	}
	ev, err := signalFor(msg.Context(), env)
	if err != nil {
		return err
	}
	backoff := 100 * time.Millisecond
	for {
		err := b.signal(msg.Context(), env.TradeID, ev)
		if err == nil || errors.Is(err, errTradeOver) {
			return nil
		}
		if msg.Context().Err() != nil {
			return err
		}
		b.log().Warn("signal to trade workflow failed; retrying", "trade", env.TradeID, "event", env.Type, "err", err, "in", backoff)
		select {
		case <-msg.Context().Done():
			return err
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, b.maxBackoff())
	}
}

var errTradeOver = errors.New("the trade's workflow has finished")

func (b Bridge) signal(ctx context.Context, tradeID string, ev trade.Event) error {
	opts := client.StartWorkflowOptions{
		ID:        trade.WorkflowID(tradeID),
		TaskQueue: trade.TaskQueue,
		// One workflow per trade, ever: a late or redelivered event after the trade closed must not
		// start a second one.
		WorkflowIDReusePolicy: enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
	}
	_, err := b.Temporal.SignalWithStartWorkflow(ctx, opts.ID, trade.EventSignal, ev, opts, trade.Workflow, trade.Input{TradeID: tradeID, LCExpiry: ev.LCExpiry})
	var started *serviceerror.WorkflowExecutionAlreadyStarted
	if errors.As(err, &started) {
		b.log().Info("event for a finished trade dropped", "trade", tradeID, "event", ev.Type, "id", ev.ID)
		return errTradeOver
	}
	return err
}

// signalFor turns a decoded event into the workflow's signal: its canonical fingerprint, the
// credit's expiry when it is an application, and the trace context of the request behind it.
func signalFor(ctx context.Context, env contracts.Envelope) (trade.Event, error) {
	sum, err := contracts.Fingerprint(env)
	if err != nil {
		return trade.Event{}, fmt.Errorf("%w: %v", contracts.ErrMalformed, err)
	}
	ev := trade.Event{Type: env.Type, ID: env.ID, Source: env.Source, Time: env.Time, SHA256: sum, Trace: map[string]string{},
		Actor: contracts.ActorOf(env.Data), Parties: contracts.Parties(env)}
	otel.GetTextMapPropagator().Inject(ctx, propagation.MapCarrier(ev.Trace))
	if honoured, ok := env.Data.(*contracts.LCHonoured); ok {
		ev.Payment = &contracts.PaymentRef{TradeID: env.TradeID, LCID: honoured.LCID, PresentationID: honoured.PresentationID}
	}
	if applied, ok := env.Data.(*contracts.LCApplied); ok {
		if ev.LCExpiry, err = endOfExpiryDay(applied.ExpiryDate); err != nil {
			return trade.Event{}, fmt.Errorf("%w: lc.applied.v1 %s: expiry date %q: %v", contracts.ErrMalformed, env.ID, applied.ExpiryDate, err)
		}
	}
	return ev, nil
}

// endOfExpiryDay: a credit stated to expire on a date is available for presentation through that
// whole day (UCP 600 Art. 6(d)(i)); the timer fires when the day is over (UTC, the platform's
// clock; the place of expiry's banking day is the LC service's concern).
func endOfExpiryDay(date string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return time.Time{}, err
	}
	return d.AddDate(0, 0, 1), nil
}

func (b Bridge) log() *slog.Logger {
	if b.Log == nil {
		return slog.Default()
	}
	return b.Log
}

func (b Bridge) maxBackoff() time.Duration {
	if b.MaxBackoff == 0 {
		return 5 * time.Second
	}
	return b.MaxBackoff
}

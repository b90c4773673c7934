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
	// UnknownTradeGrace is how long after its publication an event of a trade with no workflow
	// is retried before it is refused (default a minute): the trade's lc.applied.v1 travels on
	// another topic, through another lane, and may start the workflow moments later.
	UnknownTradeGrace time.Duration
	// StuckAfter is given to each trade's workflow (trade.Input.StuckAfter; zero: its default).
	StuckAfter time.Duration
}

// Handle signals the event to its trade's workflow; lc.applied.v1 starts it. Only events the
// workflow acts on are signalled (trade.Signalled). A message that can never be signalled is
// refused as permanent, so it goes to the poison topic instead of holding the partition: one
// that does not decode, an invalid trade ID (contracts.CheckTradeID), one Temporal refuses as
// invalid (InvalidArgument), an event of a trade no credit application started. While Temporal
// is unreachable it keeps trying, holding the partition, because a lost signal would stall the
// trade.
func (b Bridge) Handle(msg *message.Message) error {
	env, err := eventbus.Decode(msg)
	if err != nil {
		return err
	}
	if err := contracts.CheckTradeID(env.TradeID); err != nil {
		return fmt.Errorf("%w: %s %s: %v", contracts.ErrMalformed, env.Type, env.ID, err)
	}
	if !trade.Signalled(env.Type) {
		return nil
	}
	ev, err := signalFor(msg.Context(), env)
	if err != nil {
		return err
	}
	backoff := 100 * time.Millisecond
	// The grace runs from the event's publication, not from when this lane first saw it: an
	// event published long ago whose trade still has no workflow (a stale or orphan event read
	// from the topic's history) is refused at once instead of holding its lane for a whole
	// grace, and the trades behind it on the partition with it. Refused is not lost: it waits
	// on the poison topic, and `tradectl poison replay` brings it back.
	unknownSince := time.Time{}
	if !env.Time.IsZero() && env.Time.Before(time.Now()) {
		unknownSince = env.Time
	}
	for {
		err := b.signal(msg.Context(), env.TradeID, ev)
		switch {
		case err == nil || errors.Is(err, errTradeOver):
			return nil
		case isInvalid(err):
			return fmt.Errorf("%w: Temporal refuses %s %s: %v", contracts.ErrMalformed, env.Type, env.ID, err)
		case errors.Is(err, errUnknownTrade):
			if unknownSince.IsZero() {
				unknownSince = time.Now()
			}
			if time.Since(unknownSince) > b.unknownTradeGrace() {
				return fmt.Errorf("%w: %s %s: %v", contracts.ErrMalformed, env.Type, env.ID, err)
			}
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

var (
	errTradeOver    = errors.New("the trade's workflow has finished")
	errUnknownTrade = errors.New("no credit application started this trade")
	// errStartedMeanwhile is retried at once: the trade's workflow started after the signal failed.
	errStartedMeanwhile = errors.New("the trade's workflow started meanwhile")
)

// signal: only the event that opens a trade (opensTrade) starts its workflow (SignalWithStart); every other
// event signals a running one, so an event of a trade that has none starts nothing.
func (b Bridge) signal(ctx context.Context, tradeID string, ev trade.Event) error {
	id := trade.WorkflowID(tradeID)
	if !opensTrade(ev.Type) {
		err := b.Temporal.SignalWorkflow(ctx, id, "", trade.EventSignal, ev)
		var notFound *serviceerror.NotFound
		if !errors.As(err, &notFound) {
			return err
		}
		// Not running: finished (the event came late), never started, or started by its
		// lc.applied.v1 on another lane since the signal was refused (then signal again).
		d, derr := b.Temporal.DescribeWorkflowExecution(ctx, id, "")
		switch {
		case errors.As(derr, &notFound):
			return errUnknownTrade
		case derr != nil:
			return derr
		case d.GetWorkflowExecutionInfo().GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING:
			return errStartedMeanwhile
		}
		b.log().Info("event for a finished trade dropped", "trade", tradeID, "event", ev.Type, "id", ev.ID)
		return errTradeOver
	}
	opts := client.StartWorkflowOptions{
		ID:        id,
		TaskQueue: trade.TaskQueue,
		// One workflow per trade, ever: a late or redelivered event after the trade closed must not
		// start a second one.
		WorkflowIDReusePolicy: enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
	}
	_, err := b.Temporal.SignalWithStartWorkflow(ctx, opts.ID, trade.EventSignal, ev, opts, trade.Workflow, trade.Input{TradeID: tradeID, StuckAfter: b.StuckAfter})
	var started *serviceerror.WorkflowExecutionAlreadyStarted
	if errors.As(err, &started) {
		b.log().Info("event for a finished trade dropped", "trade", tradeID, "event", ev.Type, "id", ev.ID)
		return errTradeOver
	}
	return err
}

const appliedType = "lc.applied.v1"

// opensTrade: the events that start a trade's workflow — its credit's application, or the
// registration of a credit issued outside (lc.received.v1, the advising bank's).
func opensTrade(eventType string) bool {
	return eventType == appliedType || eventType == "lc.received.v1"
}

// isInvalid: Temporal refuses the request itself (a workflow ID over its limit, a payload too
// large); retrying it can never pass.
func isInvalid(err error) bool {
	var invalid *serviceerror.InvalidArgument
	return errors.As(err, &invalid)
}

// signalFor turns a decoded event into the workflow's signal: its canonical fingerprint, the
// credit's expiry when it is an application, and the trace context of the request behind it.
func signalFor(ctx context.Context, env contracts.Envelope) (trade.Event, error) {
	sum, err := contracts.Fingerprint(env)
	if err != nil {
		return trade.Event{}, fmt.Errorf("%w: %v", contracts.ErrMalformed, err)
	}
	ev := trade.Event{Type: env.Type, ID: env.ID, Source: env.Source, Time: env.Time, SHA256: sum, Trace: map[string]string{},
		Actor: contracts.ActorOf(env.Data), Parties: contracts.Parties(env), Drawing: contracts.DrawingOf(env.Data),
		ByConfirmingBank: contracts.ByConfirmingBank(env.Data)}
	otel.GetTextMapPropagator().Inject(ctx, propagation.MapCarrier(ev.Trace))
	if honoured, ok := env.Data.(*contracts.LCHonoured); ok {
		ev.Payment = &contracts.PaymentRef{TradeID: env.TradeID, LCID: honoured.LCID, PresentationID: honoured.PresentationID}
		if err := withMaturity(&ev, honoured); err != nil {
			return trade.Event{}, err
		}
	}
	// The expiry timer's instant is the LC service's (place of expiry, its banking days, UCP 600
	// Art. 29(a)), published with the application and each amendment; never recomputed here.
	until := ""
	switch e := env.Data.(type) {
	case *contracts.LCApplied:
		ev.LCID, until = e.LCID, e.PresentableUntil
	case *contracts.LCReceived:
		ev.LCID, until = e.LCID, e.PresentableUntil
	case *contracts.LCAmended:
		ev.LCID, until = e.LCID, e.PresentableUntil
	case *contracts.PaymentFailed:
		ev.Reason, ev.PaymentID = e.Reason, e.PaymentID
	case *contracts.DocumentsPresented: // the examination deadline's timer (trade/examination_deadline.go)
		ev.PresentationID = e.PresentationID
		if e.ExaminationDeadline != "" {
			if ev.ExaminationDeadline, err = time.Parse(time.RFC3339, e.ExaminationDeadline); err != nil {
				return trade.Event{}, fmt.Errorf("%w: %s %s: examinationDeadline %q: %v", contracts.ErrMalformed, env.Type, env.ID, e.ExaminationDeadline, err)
			}
		}
	case *contracts.DocumentsRefused:
		ev.PresentationID = e.PresentationID
	case *contracts.LCHonoured:
		ev.PresentationID = e.PresentationID
	case *contracts.LCUndertakingDiscounted: // its proceeds' payment (trade/discounting.go)
		ev.PresentationID = e.PresentationID
	}
	if until != "" {
		if ev.LCExpiry, err = time.Parse(time.RFC3339, until); err != nil {
			return trade.Event{}, fmt.Errorf("%w: %s %s: presentableUntil %q: %v", contracts.ErrMalformed, env.Type, env.ID, until, err)
		}
	}
	return ev, nil
}

func (b Bridge) unknownTradeGrace() time.Duration {
	if b.UnknownTradeGrace == 0 {
		return time.Minute
	}
	return b.UnknownTradeGrace
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

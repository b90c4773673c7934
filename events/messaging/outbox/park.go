package outbox

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// HeaderOutboxSeq names, on a parked message's notice, its sequence number in the outbox.
const HeaderOutboxSeq = "outbox_seq"

// parkedCounter counts parked messages (tradefin.outbox.parked, by topic): anything above zero
// needs an operator.
var parkedCounter, _ = otel.Meter("github.com/tradefin/tradefin/events/messaging/outbox").Int64Counter("tradefin.outbox.parked",
	metric.WithDescription("outbox messages parked because they can never be published"))

// size is what a message weighs on the wire: its payload and headers.
func size(p eventstore.PendingMessage) int {
	n := len(p.Payload) + len(p.ID) + len(p.Key)
	for k, v := range p.Headers {
		n += len(k) + len(v)
	}
	return n
}

// tooLarge says why p can never be published, or "" if it may be.
func tooLarge(p eventstore.PendingMessage) string {
	if n := size(p); n > contracts.MaxMessageBytes {
		return fmt.Sprintf("outbox message of %d bytes exceeds the %d-byte bound (contracts.MaxMessageBytes)", n, contracts.MaxMessageBytes)
	}
	return ""
}

// park sets p aside so the messages behind it go on: a notice (its headers, no payload) goes to
// contracts.PoisonTopic, where `tradectl outbox parked` lists it, and p is marked done in the
// outbox, where its payload stays for inspection. It is logged and counted.
func (f *Forwarder) park(ctx context.Context, p eventstore.PendingMessage, reason string) error {
	notice := message.NewMessage(p.ID, nil)
	for k, v := range p.Headers {
		notice.Metadata.Set(k, v)
	}
	for k, v := range eventbus.PoisonHeaders(eventbus.StageOutbox, reason, p.Topic, time.Now()) {
		notice.Metadata.Set(k, v)
	}
	notice.Metadata.Set(HeaderOutboxSeq, strconv.FormatInt(p.Seq, 10))
	if p.Key != "" {
		notice.Metadata.Set(kafkapubsub.PartitionKeyMetadata, p.Key)
	}
	if err := f.cfg.Publisher.Publish(contracts.PoisonTopic, notice); err != nil {
		return fmt.Errorf("park outbox message %s: %w", p.ID, err)
	}
	if err := f.cfg.Store.MarkSent(ctx, p.Seq); err != nil {
		return err // parked again next round: the notice is keyed by the message ID
	}
	parkedCounter.Add(ctx, 1, metric.WithAttributes(attribute.String("topic", p.Topic)))
	f.cfg.Log.Error("outbox message parked: it can never be published; the next ones go on",
		"message", p.ID, "seq", p.Seq, "topic", p.Topic, "type", p.Headers[eventbus.HeaderType], "trade", p.Key, "reason", reason)
	return nil
}

//go:build !unit

package eventbus_test

import (
	"context"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

func pubSub(t *testing.T, group string) (*kafkapubsub.Publisher, *kafkapubsub.Subscriber) {
	t.Helper()
	brokers := testenv.KafkaBrokers(t)
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t), ConsumerGroup: group, SessionTimeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Close(); _ = pub.Close() })
	return pub, sub
}

// TestPoisonMessagesDoNotStallTheConsumer: a malformed and an unknown message go to the poison
// topic and the good message behind them is still handled, through the real broker.
func TestPoisonMessagesDoNotStallTheConsumer(t *testing.T) {
	group := "poison-" + watermill.NewShortUUID()
	pub, sub := pubSub(t, group)
	tradeID := "T-" + watermill.NewShortUUID()
	good, topic, _ := eventbus.Encode(context.Background(), "/tradefin/lc", tradeID, "", contracts.LCAdvised{TradeID: tradeID, LCID: "LC"})
	unknown := good.Copy()
	unknown.UUID = watermill.NewUUID()
	unknown.Metadata.Set(eventbus.HeaderType, "lc.teleported.v1")
	corrupt := message.NewMessage(watermill.NewUUID(), []byte("not json"))
	corrupt.Metadata = good.Copy().Metadata
	// The poison topic is shared by every test run: read it from its end, before publishing.
	poisonSub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: testenv.KafkaBrokers(t), SASL: testenv.KafkaSASL(t), ConsumerGroup: group + "-ops"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer poisonSub.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	poisoned, err := poisonSub.Subscribe(ctx, contracts.PoisonTopic)
	if err != nil {
		t.Fatal(err)
	}

	r, err := eventbus.NewRouter(watermill.NopLogger{}, pub)
	if err != nil {
		t.Fatal(err)
	}
	handled := make(chan string, 3)
	r.AddConsumerHandler("test", topic, sub, func(msg *message.Message) error {
		env, err := eventbus.Decode(msg)
		if err != nil {
			return err
		}
		if env.TradeID == tradeID {
			handled <- env.ID
		}
		return nil
	})
	go func() { _ = r.Run(ctx) }()
	<-r.Running()
	defer r.Close()
	if err := pub.Publish(topic, unknown, corrupt, good); err != nil {
		t.Fatal(err)
	}
	select {
	case id := <-handled:
		if id != good.UUID {
			t.Fatalf("handled %s, want the good message %s", id, good.UUID)
		}
	case <-ctx.Done():
		t.Fatal("the good message behind two poison messages was never handled")
	}
	want := map[string]bool{unknown.UUID: true, corrupt.UUID: true}
	for len(want) > 0 {
		select {
		case m := <-poisoned:
			delete(want, m.UUID)
			m.Ack()
		case <-ctx.Done():
			t.Fatalf("poison topic is missing %v", want)
		}
	}
}

// TestTraceContinuesThroughKafka: the consumer's span has the publisher's trace ID.
func TestTraceContinuesThroughKafka(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	prev := otel.GetTracerProvider()
	otel.SetTracerProvider(tp)
	defer otel.SetTracerProvider(prev)

	pub, sub := pubSub(t, "trace-"+watermill.NewShortUUID())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tradeID := "T-" + watermill.NewShortUUID()
	pctx, span := tp.Tracer("test").Start(ctx, "POST /v1/letters-of-credit")
	msg, topic, err := eventbus.Encode(pctx, "/tradefin/lc", tradeID, "", contracts.LCIssued{TradeID: tradeID})
	if err != nil {
		t.Fatal(err)
	}
	span.End()
	r, err := eventbus.NewRouter(watermill.NopLogger{}, pub)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	r.AddConsumerHandler("trace-test", topic, sub, func(m *message.Message) error {
		if m.Metadata.Get(eventbus.HeaderSubject) == tradeID {
			got <- spanTraceID(m.Context())
		}
		return nil
	})
	go func() { _ = r.Run(ctx) }()
	<-r.Running()
	defer r.Close()
	if err := pub.Publish(topic, msg); err != nil {
		t.Fatal(err)
	}
	select {
	case id := <-got:
		if want := span.SpanContext().TraceID().String(); id != want {
			t.Fatalf("consumer trace %s, publisher trace %s", id, want)
		}
	case <-ctx.Done():
		t.Fatal("message not consumed")
	}
	// The handler answers from inside the consumer span, which ends only when it returns: look
	// for the ended span until it is there, rather than at once (a race the CI run lost).
	consumer := func() bool {
		for _, s := range rec.Ended() {
			if s.SpanKind().String() == "consumer" && s.SpanContext().TraceID() == span.SpanContext().TraceID() {
				return true
			}
		}
		return false
	}
	for deadline := time.Now().Add(5 * time.Second); !consumer(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no consumer span recorded in the publisher's trace")
		}
	}
}

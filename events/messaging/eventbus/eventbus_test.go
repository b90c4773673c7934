package eventbus_test

import (
	"context"
	"errors"
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
	"github.com/tradefin/tradefin/events/money"
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

func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := contracts.LCHonoured{TradeID: "T-1", LCID: "LC-1", Amount: money.New(125000_00, money.MustCurrency("EUR")), IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"}
	msg, topic, err := eventbus.Encode(context.Background(), "/tradefin/lc", "T-1", "", in)
	if err != nil {
		t.Fatal(err)
	}
	if topic != "tradefin.lc.v1" || msg.Metadata.Get(eventbus.HeaderType) != "lc.honoured.v1" || msg.Metadata.Get(kafkapubsub.PartitionKeyMetadata) != "T-1" {
		t.Fatalf("topic %s, metadata %v", topic, msg.Metadata)
	}
	env, err := eventbus.Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	if got := *env.Data.(*contracts.LCHonoured); got != in || env.TradeID != "T-1" || env.ID != msg.UUID {
		t.Fatalf("decoded %+v", env)
	}
}

func TestDecodeRefusesUnknownAndMalformed(t *testing.T) {
	good, _, _ := eventbus.Encode(context.Background(), "/t", "T-1", "", contracts.LCAdvised{TradeID: "T-1"})
	unknown := good.Copy()
	unknown.Metadata.Set(eventbus.HeaderType, "lc.teleported.v1")
	if _, err := eventbus.Decode(unknown); !errors.Is(err, contracts.ErrUnknownType) || !eventbus.IsPermanent(err) {
		t.Errorf("unknown type: %v", err)
	}
	corrupt := message.NewMessage("m2", []byte(`{"tradeId": 7`))
	corrupt.Metadata = good.Metadata
	if _, err := eventbus.Decode(corrupt); !errors.Is(err, contracts.ErrMalformed) {
		t.Errorf("corrupt payload: %v", err)
	}
	if _, _, err := eventbus.Encode(context.Background(), "/t", "", "", contracts.LCAdvised{}); !errors.Is(err, contracts.ErrMalformed) {
		t.Errorf("event without trade ID: %v", err)
	}
	if _, _, err := eventbus.Encode(context.Background(), "/t", "T", "", struct{}{}); !errors.Is(err, contracts.ErrUnknownType) {
		t.Errorf("non-contract payload: %v", err)
	}
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
	consumer := false
	for _, s := range rec.Ended() {
		if s.SpanKind().String() == "consumer" && s.SpanContext().TraceID() == span.SpanContext().TraceID() {
			consumer = true
		}
	}
	if !consumer {
		t.Fatal("no consumer span recorded in the publisher's trace")
	}
}

// The fingerprint survives the trip through a Kafka message: publisher and consumer agree on it,
// and any change to the event changes it.
func TestFingerprintIsStableAcrossEncodeDecode(t *testing.T) {
	ev := contracts.LCIssued{TradeID: "T-F", LCID: "LC-1", LCNumber: "ILC001", IssueDate: "2026-11-02"}
	msg, _, err := eventbus.Encode(context.Background(), "/tradefin/lc", "T-F", "ev-1", ev)
	if err != nil {
		t.Fatal(err)
	}
	env, err := eventbus.Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	first, err := contracts.Fingerprint(env)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := eventbus.Decode(msg)
	if second, _ := contracts.Fingerprint(again); second != first || len(first) != 64 {
		t.Fatalf("fingerprints %s and %s", first, second)
	}
	env.Data.(*contracts.LCIssued).LCNumber = "ILC002"
	if changed, _ := contracts.Fingerprint(env); changed == first {
		t.Fatal("a changed event kept its fingerprint")
	}
}

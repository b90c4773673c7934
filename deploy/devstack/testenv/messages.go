package testenv

import (
	"context"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// TradeMessages reads topic from its start on the real broker (as the tests principal) and
// returns the first n messages about tradeID, in order, skipping other tests' trades. It fails
// the test if ctx ends first.
func TradeMessages(ctx context.Context, t testing.TB, brokers []string, topic, tradeID string, n int) []*message.Message {
	t.Helper()
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: KafkaSASL(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	msgs, err := sub.Subscribe(ctx, topic)
	if err != nil {
		t.Fatal(err)
	}
	var got []*message.Message
	for len(got) < n {
		select {
		case m := <-msgs:
			m.Ack()
			if m.Metadata.Get(eventbus.HeaderSubject) == tradeID {
				got = append(got, m)
			}
		case <-ctx.Done():
			t.Fatalf("only %d of %d messages about %s reached %s", len(got), n, tradeID, topic)
		}
	}
	return got
}

// Background runs fn (a service's background work) until the test ends, then stops it and fails
// the test if it returned an error.
func Background(t testing.TB, fn func(context.Context) error) {
	ctx, stop := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- fn(ctx) }()
	t.Cleanup(func() {
		stop()
		if err := <-ran; err != nil {
			t.Errorf("background work: %v", err)
		}
	})
}

// Consume runs a consumer's router (eventbus.NewRouter: retries, poison queue) with handler h on
// topic, in consumer group group, as the tests principal on the real broker, until the test
// ends. It returns the publisher the router poisons with, for the test's own publishing.
func Consume(ctx context.Context, t testing.TB, group, topic string, h message.NoPublishHandlerFunc) *kafkapubsub.Publisher {
	t.Helper()
	brokers, auth := KafkaBrokers(t), KafkaSASL(t)
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: auth})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: auth, ConsumerGroup: group, SessionTimeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := eventbus.NewRouter(watermill.NopLogger{}, pub)
	if err != nil {
		t.Fatal(err)
	}
	r.AddConsumerHandler(group, topic, sub, h)
	go func() { _ = r.Run(ctx) }()
	<-r.Running()
	t.Cleanup(func() { _ = r.Close(); _ = sub.Close(); _ = pub.Close() })
	return pub
}

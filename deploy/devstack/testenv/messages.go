package testenv

import (
	"context"
	"testing"

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

//go:build !unit

package eventbus_test

import (
	"context"
	"errors"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/money"
)

// poisonedAs returns the poison topic's messages with the given UUID (read from the real broker).
func poisonedAs(ctx context.Context, t *testing.T, uuid string) []*message.Message {
	t.Helper()
	all, err := kafkapubsub.ReadTopic(ctx, testenv.KafkaBrokers(t), testenv.KafkaSASL(t), contracts.PoisonTopic)
	if err != nil {
		t.Fatal(err)
	}
	var out []*message.Message
	for _, m := range all {
		if m.UUID == uuid {
			out = append(out, m)
		}
	}
	return out
}

// TestTransientFailureIsRetriedUntilItPasses: a handler failing for longer than any fixed retry
// budget (there were 5 retries, seconds in all, then the poison topic: a short database outage
// lost an lc.honoured.v1) is retried until it passes; the message is handled exactly once and
// nothing is poisoned.
func TestTransientFailureIsRetriedUntilItPasses(t *testing.T) {
	const outage = 15 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tradeID := "T-" + watermill.NewShortUUID()
	msg, topic, err := eventbus.Encode(ctx, "/tradefin/lc", tradeID, "", contracts.LCHonoured{TradeID: tradeID, LCID: "LC",
		Amount: money.New(100_00, money.MustCurrency("EUR"))})
	if err != nil {
		t.Fatal(err)
	}
	var first time.Time
	var attempts, handled atomic.Int32
	done := make(chan struct{})
	pub := testenv.Consume(ctx, t, "retry-"+watermill.NewShortUUID(), topic, func(m *message.Message) error {
		if m.Metadata.Get(eventbus.HeaderSubject) != tradeID {
			return nil // another test's trade
		}
		if attempts.Add(1) == 1 {
			first = time.Now()
		}
		if time.Since(first) < outage {
			return errors.New("dial tcp 127.0.0.1:5432: connect: connection refused") // the database is down
		}
		if handled.Add(1) == 1 {
			close(done)
		}
		return nil
	})
	if err := pub.Publish(topic, msg); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatalf("the message was never handled (%d attempts)", attempts.Load())
	}
	time.Sleep(2 * time.Second) // a redelivery after the ack would show here
	if n := handled.Load(); n != 1 || attempts.Load() < 3 {
		t.Fatalf("handled %d times after %d attempts; want once, after several retries", n, attempts.Load())
	}
	if p := poisonedAs(ctx, t, msg.UUID); len(p) != 0 {
		t.Fatalf("a transient failure poisoned the message: %s", p[0].Metadata.Get(eventbus.HeaderPoisonReason))
	}
}

// TestMalformedMessageIsPoisonedAtOnce: a message that does not decode is not retried; it goes to
// the poison topic within moments, with its reason, source topic, partition, offset and time.
func TestMalformedMessageIsPoisonedAtOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tradeID := "T-" + watermill.NewShortUUID()
	good, topic, _ := eventbus.Encode(ctx, "/tradefin/lc", tradeID, "", contracts.LCAdvised{TradeID: tradeID, LCID: "LC"})
	corrupt := message.NewMessage(watermill.NewUUID(), []byte(`{"tradeId": 7`))
	corrupt.Metadata = good.Copy().Metadata
	var attempts atomic.Int32
	firstAttempt := make(chan time.Time, 1)
	pub := testenv.Consume(ctx, t, "malformed-"+watermill.NewShortUUID(), topic, func(m *message.Message) error {
		if m.UUID != corrupt.UUID {
			return nil
		}
		if attempts.Add(1) == 1 {
			firstAttempt <- time.Now()
		}
		_, err := eventbus.Decode(m)
		return err
	})
	sent := time.Now()
	if err := pub.Publish(topic, corrupt); err != nil {
		t.Fatal(err)
	}
	var p []*message.Message
	for len(p) == 0 {
		if ctx.Err() != nil {
			t.Fatal("the malformed message never reached the poison topic")
		}
		time.Sleep(200 * time.Millisecond)
		p = poisonedAs(ctx, t, corrupt.UUID)
	}
	// Measured from the handler's first attempt: joining a new consumer group takes seconds.
	if took := time.Since(<-firstAttempt); took > 5*time.Second || attempts.Load() != 1 {
		t.Fatalf("poisoned after %s and %d attempts; want at once, after one", took, attempts.Load())
	}
	h := p[0].Metadata
	at, err := time.Parse(time.RFC3339Nano, h.Get(eventbus.HeaderPoisonTime))
	if err != nil || at.Before(sent.Add(-time.Minute)) {
		t.Errorf("poison time %q: %v", h.Get(eventbus.HeaderPoisonTime), err)
	}
	if _, err := strconv.Atoi(h.Get(eventbus.HeaderPoisonPartition)); err != nil {
		t.Errorf("partition header %q", h.Get(eventbus.HeaderPoisonPartition))
	}
	if _, err := strconv.ParseInt(h.Get(eventbus.HeaderPoisonOffset), 10, 64); err != nil {
		t.Errorf("offset header %q", h.Get(eventbus.HeaderPoisonOffset))
	}
	if h.Get(eventbus.HeaderPoisonSourceTopic) != topic || h.Get(eventbus.HeaderPoisonStage) != eventbus.StageConsumer ||
		h.Get(eventbus.HeaderPoisonReason) == "" || h.Get(eventbus.HeaderSubject) != tradeID || string(p[0].Payload) != string(corrupt.Payload) {
		t.Errorf("poisoned message %v %q", h, p[0].Payload)
	}
}

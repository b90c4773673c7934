//go:build !unit

package outbox_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/messaging/outbox"
)

// crashEnv makes the test binary act as a forwarder that dies right after publishing.
const crashEnv = "TRADEFIN_OUTBOX_CRASH_DB"

func TestMain(m *testing.M) {
	if db := os.Getenv(crashEnv); db != "" {
		crashingForwarder(db, os.Getenv("TRADEFIN_KAFKA_BROKERS"), kafkapubsub.SASL{Mechanism: os.Getenv("TRADEFIN_KAFKA_SASL_MECHANISM"),
			User: os.Getenv("TRADEFIN_KAFKA_USER"), Password: os.Getenv("TRADEFIN_KAFKA_PASSWORD")})
		return
	}
	os.Exit(m.Run())
}

// crashingForwarder publishes the pending batch and is SIGKILLed before it can mark it sent.
func crashingForwarder(dbPath, brokers string, auth kafkapubsub.SASL) {
	ctx := context.Background()
	store, err := sqlstore.OpenSQLite(ctx, dbPath)
	if err != nil {
		panic(err)
	}
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: []string{brokers}, SASL: auth})
	if err != nil {
		panic(err)
	}
	f, err := outbox.NewForwarder(outbox.Config{Store: store, Publisher: pub, BeforeMark: func([]int64) {
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}})
	if err != nil {
		panic(err)
	}
	_, _ = f.ForwardOnce(ctx)
	os.Exit(3) // not reached: nothing was pending if we get here
}

// TestForwarderKilledBetweenPublishAndMark: the message is delivered at least once (twice, in
// fact) and applied exactly once through the consumer's inbox.
func TestForwarderKilledBetweenPublishAndMark(t *testing.T) {
	brokers := testenv.KafkaBrokers(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dbPath := filepath.Join(t.TempDir(), "lc.db")
	store, err := sqlstore.OpenSQLite(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	topic := "outbox-crash-" + watermill.NewShortUUID()
	msgID := watermill.NewUUID()
	_, err = store.Append(ctx, "lc-1", eventstore.ExpectNoStream,
		[]eventstore.NewEvent{{ID: watermill.NewUUID(), Type: "lc.Honoured", Data: []byte(`{}`)}},
		eventstore.OutboxMessage{ID: msgID, Topic: topic, Key: "T-1", Payload: []byte(`{"tradeId":"T-1"}`)})
	if err != nil {
		t.Fatal(err)
	}

	// 1. The forwarder publishes, then dies before marking.
	child := exec.Command(os.Args[0], "-test.run=^$")
	auth := testenv.KafkaSASL(t)
	child.Env = append(os.Environ(), crashEnv+"="+dbPath, "TRADEFIN_KAFKA_BROKERS="+brokers[0],
		"TRADEFIN_KAFKA_SASL_MECHANISM="+auth.Mechanism, "TRADEFIN_KAFKA_USER="+auth.User, "TRADEFIN_KAFKA_PASSWORD="+auth.Password)
	err = child.Run()
	if st, ok := child.ProcessState.Sys().(syscall.WaitStatus); !ok || !st.Signaled() || st.Signal() != syscall.SIGKILL {
		t.Fatalf("forwarder was meant to be killed after publishing; it ended with %v", err)
	}
	if p, _ := store.PendingOutbox(ctx, 10); len(p) != 1 {
		t.Fatalf("after the crash %d messages are pending, want 1 (published but not marked)", len(p))
	}

	// 2. A restarted forwarder publishes it again and marks it.
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: auth})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	f, err := outbox.NewForwarder(outbox.Config{Store: store, Publisher: pub})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.ForwardOnce(ctx); err != nil || n != 1 {
		t.Fatalf("forward after restart = %d, %v", n, err)
	}
	if p, _ := store.PendingOutbox(ctx, 10); len(p) != 0 {
		t.Fatalf("%d still pending after a successful forward", len(p))
	}

	// 3. The consumer sees the message twice and applies it once.
	consumerDB, err := sqlstore.OpenSQLite(ctx, filepath.Join(t.TempDir(), "settlement.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer consumerDB.Close()
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: auth, ConsumerGroup: "settlement-" + topic, SessionTimeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	msgs, err := sub.Subscribe(ctx, topic)
	if err != nil {
		t.Fatal(err)
	}
	deliveries, applied := 0, 0
	for deliveries < 2 {
		select {
		case m := <-msgs:
			deliveries++
			if m.UUID != msgID {
				t.Fatalf("unexpected message %s", m.UUID)
			}
			ran, err := consumerDB.HandleOnce(ctx, "settlement", m.UUID, func(ctx context.Context, tx eventstore.Tx) error {
				_, err := tx.Append(ctx, "payment-T-1", eventstore.ExpectAny, []eventstore.NewEvent{{ID: "raised-" + m.UUID, Type: "settlement.PaymentRaised", Data: m.Payload}})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if ran {
				applied++
			}
			m.Ack()
		case <-ctx.Done():
			t.Fatalf("got %d deliveries, want 2 (at least once across the crash)", deliveries)
		}
	}
	effects, _ := consumerDB.ReadStream(ctx, "payment-T-1", 1)
	if applied != 1 || len(effects) != 1 {
		t.Fatalf("applied %d times with %d effects; want exactly once", applied, len(effects))
	}
}

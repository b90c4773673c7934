//go:build !unit

package integration_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

func uniqueName(prefix string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return prefix + "-" + hex.EncodeToString(b[:])
}

// createTopic creates a topic through the controller; kafka-go's Conn.CreateTopics silently
// ignores "already exists", which is what we want for a fresh unique name anyway.
func createTopic(t *testing.T, dialer *kafka.Dialer, broker, topic string, partitions int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := dialer.DialContext(ctx, "tcp", broker)
	if err != nil {
		t.Fatalf("dial %s: %v", broker, err)
	}
	defer conn.Close()
	ctrl, err := conn.Controller()
	if err != nil {
		t.Fatalf("controller: %v", err)
	}
	cc, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(ctrl.Host, strconv.Itoa(ctrl.Port)))
	if err != nil {
		t.Fatalf("dial controller: %v", err)
	}
	defer cc.Close()
	if err := cc.CreateTopics(kafka.TopicConfig{Topic: topic, NumPartitions: partitions, ReplicationFactor: 1}); err != nil {
		t.Fatalf("create topic: %v", err)
	}
}

// TestKafkaConsumerGroupResumesFromCommittedOffsets produces keyed messages, consumes part of
// them in a consumer group committing each after handling, closes the consumer, and shows a new
// consumer in the same group resumes exactly after the committed offsets.
func TestKafkaConsumerGroupResumesFromCommittedOffsets(t *testing.T) {
	brokers := testenv.KafkaBrokers(t)
	auth := testenv.KafkaSASL(t)
	dialer, err := auth.Dialer()
	if err != nil {
		t.Fatal(err)
	}
	transport, err := auth.Transport()
	if err != nil {
		t.Fatal(err)
	}
	topic, group := uniqueName("it-kafka"), uniqueName("it-group")
	createTopic(t, dialer, brokers[0], topic, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	const total = 60
	w := &kafka.Writer{
		Addr:         kafka.TCP(brokers...),
		Topic:        topic,
		Balancer:     &kafka.Hash{},        // one trade's messages stay in one partition
		RequiredAcks: kafka.RequireAll,     // the default (none) can lose writes
		BatchTimeout: 5 * time.Millisecond, // the default 1 s delays every lone write
		Transport:    transport,            // SASL/SCRAM as the tests principal
	}
	var msgs []kafka.Message
	for i := range total {
		msgs = append(msgs, kafka.Message{Key: []byte(fmt.Sprintf("trade-%d", i%7)), Value: []byte(strconv.Itoa(i))})
	}
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatalf("produce: %v", err)
	}
	_ = w.Close()

	seen := map[string]int{}
	consume := func(n int) {
		r := kafka.NewReader(kafka.ReaderConfig{
			Brokers: brokers, Dialer: dialer, GroupID: group, Topic: topic,
			StartOffset: kafka.FirstOffset, MaxWait: 100 * time.Millisecond,
			SessionTimeout: time.Second, HeartbeatInterval: 200 * time.Millisecond,
			RebalanceTimeout: 2 * time.Second,
		})
		defer r.Close()
		for range n {
			// FetchMessage + CommitMessages: ReadMessage would commit before we handled it.
			m, err := r.FetchMessage(ctx)
			if err != nil {
				t.Fatalf("fetch after %d messages: %v", len(seen), err)
			}
			seen[string(m.Value)]++
			if err := r.CommitMessages(ctx, m); err != nil {
				t.Fatalf("commit: %v", err)
			}
		}
	}
	consume(25)
	consume(total - 25) // a restarted consumer: must continue, not start over

	if len(seen) != total {
		t.Fatalf("consumed %d distinct messages, want %d", len(seen), total)
	}
	for v, n := range seen {
		if n != 1 {
			t.Errorf("message %s consumed %d times after the restart; committed offsets were not resumed", v, n)
		}
	}
}

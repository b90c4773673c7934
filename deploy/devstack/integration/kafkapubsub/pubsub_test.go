//go:build !unit

package kafkapubsub_test

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/pubsub/tests"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// startBroker runs a real Kafka-protocol broker for the suite, requiring SASL/SCRAM-SHA-512 and
// enforcing its ACLs as the stack's does. It runs in this process (the suite needs one-partition
// topics for its ordering tests and a short group session timeout).
func startBroker(t *testing.T) (brokers []string, creds kafkabroker.Credentials) {
	t.Helper()
	creds, err := kafkabroker.Generate()
	if err != nil {
		t.Fatal(err)
	}
	c, err := kafkabroker.Start(kafkabroker.Options{Partitions: 1, Credentials: &creds})
	if err != nil {
		t.Fatalf("start broker: %v", err)
	}
	t.Cleanup(c.Close)
	return c.ListenAddrs(), creds
}

// suiteSessionTimeout is the suite's group session timeout: short, so a member the suite drops
// without leaving is replaced soon, but not so short that a member heartbeating every fifth of
// it is expired when the machine is loaded. At 1 s, under `go test -race` beside the other
// modules' tests, members were expired and their groups rebalanced (Illegal Generation) until
// TestResendOnError read 0 of its 100 messages in 15 s (CI, 2026-12-02).
const suiteSessionTimeout = 3 * time.Second

// newPubSub authenticates as auth on every connection.
func newPubSub(t *testing.T, brokers []string, auth kafkapubsub.SASL, group string) (message.Publisher, message.Subscriber) {
	t.Helper()
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: auth, Partitions: 1})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{
		Brokers: brokers, SASL: auth, ConsumerGroup: group, Partitions: 1,
		SessionTimeout: suiteSessionTimeout, NackResendSleep: 10 * time.Millisecond, CommitInterval: 50 * time.Millisecond,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pub, sub
}

// TestPubSub runs Watermill's universal Pub/Sub suite against the broker with SASL on, as the
// tests principal. `-short` runs the suite's fast subset.
func TestPubSub(t *testing.T) {
	testenv.NeedsComponent(t, "a Kafka-protocol broker for Watermill's universal suite")
	brokers, creds := startBroker(t)
	auth := creds.SASL("tests")
	var n atomic.Int64 // the suite builds pub/subs from parallel subtests
	tests.TestPubSub(t, tests.Features{
		ConsumerGroups:                      true,
		ExactlyOnceDelivery:                 false, // at least once; consumers dedupe with an inbox
		GuaranteedOrder:                     true,  // per partition: the suite's topics have one
		GuaranteedOrderWithSingleSubscriber: true,
		Persistent:                          true,
		NewSubscriberReceivesOldMessages:    true,
		ContextPreserved:                    false,
	},
		func(t *testing.T) (message.Publisher, message.Subscriber) {
			return newPubSub(t, brokers, auth, fmt.Sprintf("suite-%d-%d", time.Now().UnixNano(), n.Add(1)))
		},
		func(t *testing.T, group string) (message.Publisher, message.Subscriber) {
			return newPubSub(t, brokers, auth, group)
		},
	)
}

//go:build !unit

package kafkapubsub_test

import (
	"context"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// The bridge once stopped reading one partition of tradefin.lc.v1 after fetch timeouts, on a
// machine loaded to 20. kafka-go gives a fetch's answer until MaxWait after it is sent (the
// broker is asked to hold it MaxWait less a quarter): with the subscriber's 100 ms, a broker or a
// process that takes 25 ms more to answer times the fetch out; kafka-go then drops the
// connection, dials and authenticates again (SCRAM) and fetches again, and again times out, so
// the partition is never read while the load lasts, though it has messages. Here the broker
// answers every fetch 300 ms late: the subscriber must still deliver.
func TestASlowBrokerStallsNoPartition(t *testing.T) {
	testenv.NeedsComponent(t, "a Kafka-protocol broker whose fetch answers are delayed")
	creds, err := kafkabroker.Generate()
	if err != nil {
		t.Fatal(err)
	}
	c, err := kafkabroker.Start(kafkabroker.Options{Partitions: 1, Credentials: &creds})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	slow(c, 300*time.Millisecond)
	brokers, auth := c.ListenAddrs(), creds.SASL("tests")
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: auth, Partitions: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: auth, ConsumerGroup: "slow-broker", Partitions: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	const topic = "slow-fetches"
	if err := pub.Publish(topic, message.NewMessage("m-1", []byte("honoured"))); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	msgs, err := sub.Subscribe(ctx, topic)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-msgs:
		m.Ack()
		if m.UUID != "m-1" {
			t.Fatalf("got %s", m.UUID)
		}
	case <-ctx.Done():
		t.Fatal("the partition was never read: every fetch timed out before the broker answered")
	}
}

// slow makes the broker answer every fetch late by d, as a loaded machine does.
func slow(c *kfake.Cluster, d time.Duration) {
	c.ControlKey(int16(kmsg.Fetch), func(kmsg.Request) (kmsg.Response, error, bool) {
		c.SleepControl(func() { time.Sleep(d) })
		return nil, nil, false // then answered as usual; the control stays for the next fetch
	})
}

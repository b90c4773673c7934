package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/IBM/sarama"
	"github.com/ThreeDotsLabs/watermill"
	wkafka "github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/segmentio/kafka-go"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

const (
	publishers = 4   // goroutines publishing at once
	batch      = 100 // messages per Publish call
	payload    = 256 // bytes per message
)

// pubsubContender publishes n messages to a fresh topic, then consumes them all (acking each),
// and returns the time for both.
type pubsubContender struct {
	name string
	run  func(ctx context.Context, k cluster, topic string, n int) error
}

// cluster is the broker and the principal every contender authenticates as (SCRAM-SHA-512, as
// in the stack: the benchmark measures what the services pay).
type cluster struct {
	brokers []string
	auth    kafkapubsub.SASL
}

func benchPubSub(ctx context.Context, n, rounds int) ([]result, []comparison, error) {
	// One broker, in this process, for every contender: fair, and no other process on the box.
	creds, err := kafkabroker.Generate()
	if err != nil {
		return nil, nil, err
	}
	broker, err := kafkabroker.Start(kafkabroker.Options{Partitions: 4, Credentials: &creds})
	if err != nil {
		return nil, nil, err
	}
	defer broker.Close()
	k := cluster{brokers: broker.ListenAddrs(), auth: creds.SASL("tests")}
	contenders := []pubsubContender{
		{"tradefin kafkapubsub (kafka-go)", runTradefin},
		{"watermill-kafka v3 (Sarama)", runWatermillKafka},
		{"raw kafka-go Writer + group Reader", runRawKafkaGo},
	}
	var out []result
	for _, c := range contenders {
		d, err := median(rounds, func() (time.Duration, error) {
			start := time.Now()
			err := c.run(ctx, k, "bench-"+watermill.NewShortUUID(), n)
			return time.Since(start), err
		})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", c.name, err)
		}
		out = append(out, result{group: "pubsub", name: c.name, ops: n, elapsed: d})
	}
	return out, []comparison{
		{"pubsub_vs_watermill_kafka", contenders[0].name, contenders[1].name},
		{"pubsub_vs_raw_kafka_go", contenders[0].name, contenders[2].name},
	}, nil
}

// publishAll publishes n messages from `publishers` goroutines in batches.
func publishAll(n int, publish func(msgs []*message.Message) error) error {
	body := make([]byte, payload)
	var wg sync.WaitGroup
	errs := make(chan error, publishers)
	per := n / publishers
	for p := range publishers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sent := 0; sent < per; sent += batch {
				msgs := make([]*message.Message, 0, batch)
				for i := sent; i < sent+batch && i < per; i++ {
					m := message.NewMessage(watermill.NewUUID(), body)
					m.Metadata.Set(kafkapubsub.PartitionKeyMetadata, fmt.Sprintf("trade-%d-%d", p, i%50))
					msgs = append(msgs, m)
				}
				if err := publish(msgs); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// consumeAll acks n messages from a Watermill subscription.
func consumeAll(ctx context.Context, sub message.Subscriber, topic string, n int) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	msgs, err := sub.Subscribe(ctx, topic)
	if err != nil {
		return err
	}
	for got := 0; got < n; got++ {
		select {
		case m := <-msgs:
			m.Ack()
		case <-ctx.Done():
			return fmt.Errorf("consumed %d of %d", got, n)
		}
	}
	return nil
}

func runTradefin(ctx context.Context, k cluster, topic string, n int) error {
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: k.brokers, SASL: k.auth})
	if err != nil {
		return err
	}
	defer pub.Close()
	if err := publishAll(n, func(m []*message.Message) error { return pub.Publish(topic, m...) }); err != nil {
		return err
	}
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: k.brokers, SASL: k.auth, ConsumerGroup: "bench-" + topic}, nil)
	if err != nil {
		return err
	}
	defer sub.Close()
	return consumeAll(ctx, sub, topic, n)
}

func runWatermillKafka(ctx context.Context, k cluster, topic string, n int) error {
	pubCfg := wkafka.DefaultSaramaSyncPublisherConfig()
	saramaSCRAM(pubCfg, k.auth)
	pub, err := wkafka.NewPublisher(wkafka.PublisherConfig{
		Brokers: k.brokers, OverwriteSaramaConfig: pubCfg,
		Marshaler: wkafka.NewWithPartitioningMarshaler(func(_ string, m *message.Message) (string, error) {
			return m.Metadata.Get(kafkapubsub.PartitionKeyMetadata), nil
		}),
	}, nil)
	if err != nil {
		return err
	}
	defer pub.Close()
	if err := publishAll(n, func(m []*message.Message) error { return pub.Publish(topic, m...) }); err != nil {
		return err
	}
	subCfg := wkafka.DefaultSaramaSubscriberConfig()
	subCfg.Consumer.Offsets.Initial = sarama.OffsetOldest
	saramaSCRAM(subCfg, k.auth)
	sub, err := wkafka.NewSubscriber(wkafka.SubscriberConfig{
		Brokers: k.brokers, ConsumerGroup: "bench-" + topic, OverwriteSaramaConfig: subCfg,
		Unmarshaler: wkafka.DefaultMarshaler{},
	}, nil)
	if err != nil {
		return err
	}
	defer sub.Close()
	return consumeAll(ctx, sub, topic, n)
}

func runRawKafkaGo(ctx context.Context, k cluster, topic string, n int) error {
	transport, err := k.auth.Transport()
	if err != nil {
		return err
	}
	dialer, err := k.auth.Dialer()
	if err != nil {
		return err
	}
	w := &kafka.Writer{
		Addr: kafka.TCP(k.brokers...), Topic: topic, Balancer: &kafka.Hash{}, RequiredAcks: kafka.RequireAll,
		BatchTimeout: time.Millisecond, BatchSize: 1000, AllowAutoTopicCreation: true, Transport: transport,
	}
	defer w.Close()
	err = publishAll(n, func(msgs []*message.Message) error {
		kms := make([]kafka.Message, len(msgs))
		for i, m := range msgs {
			kms[i] = kafka.Message{Key: []byte(m.Metadata.Get(kafkapubsub.PartitionKeyMetadata)), Value: m.Payload,
				Headers: []kafka.Header{{Key: "_watermill_message_uuid", Value: []byte(m.UUID)}}}
		}
		return w.WriteMessages(ctx, kms...)
	})
	if err != nil {
		return err
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: k.brokers, Dialer: dialer, GroupID: "bench-" + topic, Topic: topic,
		StartOffset: kafka.FirstOffset, MaxWait: 100 * time.Millisecond, QueueCapacity: 1000,
		CommitInterval: 200 * time.Millisecond, JoinGroupBackoff: 200 * time.Millisecond})
	defer r.Close()
	for got := 0; got < n; got++ {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return fmt.Errorf("consumed %d of %d: %w", got, n, err)
		}
		if err := r.CommitMessages(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

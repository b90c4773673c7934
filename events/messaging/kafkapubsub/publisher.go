package kafkapubsub

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/segmentio/kafka-go"
)

// Publisher publishes Watermill messages to Kafka. Publish returns once every message is
// acknowledged by the broker (all in-sync replicas).
type Publisher struct {
	cfg    PublisherConfig
	writer *kafka.Writer
	topics *topicCreator

	mu     sync.RWMutex
	closed bool
}

var _ message.Publisher = (*Publisher)(nil)

// NewPublisher validates the configuration and returns a Publisher.
func NewPublisher(cfg PublisherConfig) (*Publisher, error) {
	cfg.setDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("kafka publisher: %w", err)
	}
	// The transport has its own metadata cache, not the process-wide default's.
	transport, err := cfg.SASL.Transport()
	if err != nil {
		return nil, fmt.Errorf("kafka publisher: %w", err)
	}
	dialer, err := cfg.SASL.Dialer()
	if err != nil {
		return nil, fmt.Errorf("kafka publisher: %w", err)
	}
	return &Publisher{
		cfg: cfg,
		writer: &kafka.Writer{
			Addr:         kafka.TCP(cfg.Brokers...),
			Balancer:     &kafka.Hash{},    // same key, same partition: a trade stays in order
			RequiredAcks: kafka.RequireAll, // kafka-go's default is none: writes could be lost
			BatchTimeout: cfg.BatchTimeout,
			BatchSize:    1000,
			// The transport caches cluster metadata for seconds, so a topic created a moment ago
			// looks unknown. With auto-creation allowed, a topic missing from the cache makes
			// the writer ask the broker (which knows it, or creates it) and refresh the cache.
			AllowAutoTopicCreation: true,
			Transport:              transport,
		},
		topics: &topicCreator{brokers: cfg.Brokers, partitions: cfg.Partitions, dialer: dialer},
	}, nil
}

// Publish writes the messages to topic in order, synchronously.
func (p *Publisher) Publish(topic string, msgs ...*message.Message) error {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return errors.New("kafka publisher: closed")
	}
	if err := p.topics.ensure(topic); err != nil {
		return err
	}
	kms := make([]kafka.Message, 0, len(msgs))
	for _, m := range msgs {
		kms = append(kms, toKafka(topic, p.cfg.PartitionKey(topic, m), m))
	}
	ctx := context.Background()
	if len(msgs) == 1 && msgs[0].Context() != nil {
		ctx = msgs[0].Context()
	}
	if err := p.writer.WriteMessages(ctx, kms...); err != nil {
		return fmt.Errorf("kafka publish to %s: %w", topic, err)
	}
	return nil
}

// Close flushes pending writes and releases the writer; Publish fails afterwards.
func (p *Publisher) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	return p.writer.Close()
}

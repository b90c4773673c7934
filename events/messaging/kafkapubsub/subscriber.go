package kafkapubsub

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/segmentio/kafka-go"
)

// Subscriber consumes Kafka topics through consumer groups.
type Subscriber struct {
	cfg    SubscriberConfig
	dialer *kafka.Dialer // authenticates the readers' connections
	topics *topicCreator
	log    *slog.Logger

	mu      sync.Mutex
	closed  bool
	closing chan struct{}
	wg      sync.WaitGroup
}

var _ message.Subscriber = (*Subscriber)(nil)

// NewSubscriber validates the configuration and returns a Subscriber.
func NewSubscriber(cfg SubscriberConfig, log *slog.Logger) (*Subscriber, error) {
	cfg.setDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("kafka subscriber: %w", err)
	}
	dialer, err := cfg.SASL.Dialer()
	if err != nil {
		return nil, fmt.Errorf("kafka subscriber: %w", err)
	}
	if log == nil {
		log = slog.Default()
	}
	return &Subscriber{
		cfg: cfg, dialer: dialer, log: log.With("component", "kafka-subscriber"), closing: make(chan struct{}),
		topics: &topicCreator{brokers: cfg.Brokers, partitions: cfg.Partitions, dialer: dialer},
	}, nil
}

// SubscribeInitialize creates the topic, so a publisher started later finds it.
func (s *Subscriber) SubscribeInitialize(topic string) error { return s.topics.ensure(topic) }

// Subscribe returns the topic's messages; the channel closes when ctx ends or on Close.
func (s *Subscriber) Subscribe(ctx context.Context, topic string) (<-chan *message.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("kafka subscriber: closed")
	}
	if err := s.topics.ensure(topic); err != nil {
		return nil, err
	}
	group := s.cfg.ConsumerGroup
	if group == "" {
		group = "watermill-" + watermill.NewUUID() // a group of its own: every message, from the start
	}
	// No CommitInterval: the reader's commits are synchronous, handed over by ackedOffsets once
	// per s.cfg.CommitInterval (commit.go), so a subscription's end commits without waiting for
	// the reader to close.
	reader := kafka.NewReader(kafka.ReaderConfig{
		Brokers:           s.cfg.Brokers,
		Dialer:            s.dialer,
		GroupID:           group,
		Topic:             topic,
		StartOffset:       kafka.FirstOffset,
		MaxWait:           s.cfg.MaxWait,
		QueueCapacity:     1000,
		SessionTimeout:    s.cfg.SessionTimeout,
		HeartbeatInterval: s.cfg.SessionTimeout / 5,
		RebalanceTimeout:  2 * s.cfg.SessionTimeout,
		JoinGroupBackoff:  200 * time.Millisecond, // kafka-go waits 5 s by default after a failed join
		ReadBackoffMin:    10 * time.Millisecond,
		ReadBackoffMax:    200 * time.Millisecond,
	})
	out := make(chan *message.Message)
	s.wg.Add(1)
	go s.consume(ctx, reader, out, s.log.With("topic", topic, "group", group))
	return out, nil
}

// consume delivers one message at a time and commits it after Ack; Nack delivers it again.
func (s *Subscriber) consume(ctx context.Context, r *kafka.Reader, out chan<- *message.Message, log *slog.Logger) {
	defer s.wg.Done()
	defer close(out)
	acked := newAckedOffsets(r, s.cfg.CommitInterval, log)
	defer func() {
		acked.close() // commits the last acknowledged offsets
		// Closing the reader leaves the group once every fetch in flight is answered, which a
		// broker holding an idle fetch does up to MaxWait less a second later (config.go):
		// nothing is left to commit, so the subscription's end does not wait for that.
		go func() {
			if err := r.Close(); err != nil {
				log.Warn("close reader", "err", err)
			}
		}()
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-s.closing:
			cancel()
		case <-ctx.Done():
		}
	}()
	for {
		km, err := r.FetchMessage(ctx) // not ReadMessage: that commits before the handler runs
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			log.Warn("fetch failed; retrying", "err", err)
			if !sleep(ctx, 200*time.Millisecond) {
				return
			}
			continue
		}
		if !s.deliver(ctx, acked, km, out) {
			return
		}
	}
}

// deliver hands km to the handler until it is acked; false means the subscription ends.
func (s *Subscriber) deliver(ctx context.Context, acked *ackedOffsets, km kafka.Message, out chan<- *message.Message) bool {
	for {
		msg := fromKafka(km)
		msgCtx, cancelMsg := context.WithCancel(withPosition(ctx, Position{Topic: km.Topic, Partition: km.Partition, Offset: km.Offset}))
		msg.SetContext(msgCtx)
		select {
		case out <- msg:
		case <-ctx.Done():
			cancelMsg()
			return false
		}
		select {
		case <-msg.Acked():
			cancelMsg()
			acked.add(km)
			return true
		case <-msg.Nacked():
			cancelMsg()
			if !sleep(ctx, s.cfg.NackResendSleep) {
				return false
			}
		case <-ctx.Done():
			cancelMsg()
			return false
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

// Close ends every subscription, waits for them to stop and flushes their commits.
func (s *Subscriber) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.closing)
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

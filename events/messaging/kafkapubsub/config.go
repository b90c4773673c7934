package kafkapubsub

import (
	"errors"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
)

// PartitionKeyMetadata is the metadata key whose value becomes the Kafka message key (the trade
// ID), so one trade's messages stay ordered in one partition.
const PartitionKeyMetadata = "partition_key"

// UUIDHeader carries the Watermill message UUID.
const UUIDHeader = "_watermill_message_uuid"

// PublisherConfig configures a Publisher.
type PublisherConfig struct {
	Brokers []string
	// SASL authenticates every connection the publisher makes (writes and topic creation).
	SASL SASL
	// PartitionKey returns the Kafka key for a message; by default its PartitionKeyMetadata.
	PartitionKey func(topic string, msg *message.Message) string
	// BatchTimeout bounds how long the writer waits to fill a batch. kafka-go's default of 1 s
	// would delay every lone synchronous publish by a second.
	BatchTimeout time.Duration
	// Partitions of topics the publisher creates.
	Partitions int
}

func (c *PublisherConfig) setDefaults() {
	if c.PartitionKey == nil {
		c.PartitionKey = func(_ string, m *message.Message) string { return m.Metadata.Get(PartitionKeyMetadata) }
	}
	if c.BatchTimeout == 0 {
		c.BatchTimeout = time.Millisecond
	}
	if c.Partitions == 0 {
		c.Partitions = 4
	}
}

// Validate reports every problem at once.
func (c PublisherConfig) Validate() error {
	var errs []error
	if len(c.Brokers) == 0 {
		errs = append(errs, errors.New("brokers are required"))
	}
	if c.BatchTimeout < 0 || c.Partitions < 0 {
		errs = append(errs, errors.New("batch timeout and partitions must not be negative"))
	}
	errs = append(errs, c.SASL.Validate())
	return errors.Join(errs...)
}

// SubscriberConfig configures a Subscriber.
type SubscriberConfig struct {
	Brokers []string
	// SASL authenticates every connection the subscriber makes (fetches, the consumer group and
	// topic creation).
	SASL SASL
	// ConsumerGroup shares a topic's partitions among subscribers. Empty gives every Subscribe
	// call a group of its own, so it receives every message of the topic from the beginning.
	ConsumerGroup string
	// NackResendSleep is the pause before a nacked message is delivered again.
	NackResendSleep time.Duration
	// CommitInterval flushes acknowledged offsets periodically (0: synchronously on every ack).
	CommitInterval time.Duration
	// SessionTimeout is how long the group waits for a silent member before rebalancing.
	SessionTimeout time.Duration
	// Partitions of topics the subscriber creates.
	Partitions int
	// MaxWait bounds how long a fetch waits for new data; the broker answers at once when there
	// is some. It is also kafka-go's deadline for the fetch's answer, the broker being asked to
	// hold it MaxWait less a second (a quarter below one second): that difference is all the time
	// a loaded broker or process has to answer. At 100 ms it was 25 ms, every fetch of a
	// partition timed out under load, and kafka-go reconnected and timed out again without end
	// (the bridge stopped reading a partition). The default, 2 s, leaves a second; closing a
	// subscriber waits at most that long for its fetches.
	MaxWait time.Duration
}

func (c *SubscriberConfig) setDefaults() {
	if c.NackResendSleep == 0 {
		c.NackResendSleep = 100 * time.Millisecond
	}
	if c.CommitInterval == 0 {
		c.CommitInterval = 200 * time.Millisecond
	}
	if c.SessionTimeout == 0 {
		c.SessionTimeout = 6 * time.Second
	}
	if c.Partitions == 0 {
		c.Partitions = 4
	}
	if c.MaxWait == 0 {
		c.MaxWait = 2 * time.Second
	}
}

// Validate reports every problem at once.
func (c SubscriberConfig) Validate() error {
	var errs []error
	if len(c.Brokers) == 0 {
		errs = append(errs, errors.New("brokers are required"))
	}
	if c.NackResendSleep < 0 || c.CommitInterval < 0 || c.SessionTimeout < 0 {
		errs = append(errs, errors.New("durations must not be negative"))
	}
	errs = append(errs, c.SASL.Validate())
	return errors.Join(errs...)
}

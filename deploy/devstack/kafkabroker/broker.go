// Package kafkabroker runs a Kafka-protocol broker (franz-go's kfake) for the dev stack and tests.
//
// kfake speaks the real Kafka wire protocol, so every client (kafka-go, Sarama, franz-go, kcat)
// talks to it as to Kafka, but it starts in milliseconds and needs no JVM. With a data directory
// its messages and committed group offsets survive a restart.
package kafkabroker

import (
	"errors"
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Options configure a broker.
type Options struct {
	Port       int    // 0 picks a free port
	DataDir    string // empty keeps everything in memory
	Partitions int    // partitions of auto-created topics
	Topics     []string
}

func (o *Options) setDefaults() {
	if o.Partitions == 0 {
		o.Partitions = 4
	}
}

// Validate reports every problem with the options at once.
func (o Options) Validate() error {
	var errs []error
	if o.Port < 0 || o.Port > 65535 {
		errs = append(errs, fmt.Errorf("port %d out of range", o.Port))
	}
	if o.Partitions < 0 {
		errs = append(errs, fmt.Errorf("partitions %d must be positive", o.Partitions))
	}
	return errors.Join(errs...)
}

// Start starts a one-broker cluster; Close it when done.
func Start(o Options) (*kfake.Cluster, error) {
	o.setDefaults()
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("kafka broker: %w", err)
	}
	opts := []kfake.Opt{
		kfake.NumBrokers(1),
		kfake.AllowAutoTopicCreation(),
		kfake.DefaultNumPartitions(o.Partitions),
		// Consumers in tests restart often; a short minimum lets them use short sessions.
		kfake.GroupMinSessionTimeout(100 * time.Millisecond),
	}
	if o.Port != 0 {
		opts = append(opts, kfake.Ports(o.Port))
	}
	if o.DataDir != "" {
		opts = append(opts, kfake.DataDir(o.DataDir))
	}
	if len(o.Topics) > 0 {
		opts = append(opts, kfake.SeedTopics(int32(o.Partitions), o.Topics...))
	}
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		return nil, fmt.Errorf("kafka broker: %w", err)
	}
	return c, nil
}

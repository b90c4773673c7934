package kafkapubsub

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
)

// topicCreator creates topics once per process through the cluster controller.
type topicCreator struct {
	brokers    []string
	partitions int
	dialer     *kafka.Dialer // authenticates both connections (any broker, then the controller)
	done       sync.Map      // topic → struct{}
	mu         sync.Mutex
}

// ensure creates the topic if this process has not done so yet. An existing topic is fine:
// kafka-go's CreateTopics ignores "already exists".
func (tc *topicCreator) ensure(topic string) error {
	if _, ok := tc.done.Load(topic); ok {
		return nil
	}
	tc.mu.Lock()
	defer tc.mu.Unlock()
	if _, ok := tc.done.Load(topic); ok {
		return nil
	}
	var errs []error
	for _, b := range tc.brokers {
		err := tc.create(b, topic)
		if err == nil {
			tc.done.Store(topic, struct{}{})
			return nil
		}
		errs = append(errs, err)
	}
	return fmt.Errorf("create topic %s: %w", topic, errors.Join(errs...))
}

func (tc *topicCreator) create(broker, topic string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := tc.dialer.DialContext(ctx, "tcp", broker)
	if err != nil {
		return err
	}
	defer conn.Close()
	ctrl, err := conn.Controller()
	if err != nil {
		return err
	}
	cc, err := tc.dialer.DialContext(ctx, "tcp", net.JoinHostPort(ctrl.Host, strconv.Itoa(ctrl.Port)))
	if err != nil {
		return err
	}
	defer cc.Close()
	return cc.CreateTopics(kafka.TopicConfig{Topic: topic, NumPartitions: tc.partitions, ReplicationFactor: 1})
}

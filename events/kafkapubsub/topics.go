package kafkapubsub

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"

	"github.com/segmentio/kafka-go"
)

// topicCreator creates topics once per process through the cluster controller.
type topicCreator struct {
	brokers    []string
	partitions int
	done       sync.Map // topic → struct{}
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
		err := createTopic(b, topic, tc.partitions)
		if err == nil {
			tc.done.Store(topic, struct{}{})
			return nil
		}
		errs = append(errs, err)
	}
	return fmt.Errorf("create topic %s: %w", topic, errors.Join(errs...))
}

func createTopic(broker, topic string, partitions int) error {
	conn, err := kafka.Dial("tcp", broker)
	if err != nil {
		return err
	}
	defer conn.Close()
	ctrl, err := conn.Controller()
	if err != nil {
		return err
	}
	cc, err := kafka.Dial("tcp", net.JoinHostPort(ctrl.Host, strconv.Itoa(ctrl.Port)))
	if err != nil {
		return err
	}
	defer cc.Close()
	return cc.CreateTopics(kafka.TopicConfig{Topic: topic, NumPartitions: partitions, ReplicationFactor: 1})
}

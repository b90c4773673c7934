package kafkapubsub

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/segmentio/kafka-go"
)

// ReadTopic returns every message of topic present when it is called, partition by partition in
// offset order, each with its Position (PositionFrom). It joins no consumer group and commits
// nothing, so it changes nobody's offsets: it is for operators' tools that inspect a topic
// (the poison queue). A topic that does not exist yet has no messages.
func ReadTopic(ctx context.Context, brokers []string, auth SASL, topic string) ([]*message.Message, error) {
	if len(brokers) == 0 {
		return nil, errors.New("kafka: brokers are required")
	}
	dialer, err := auth.Dialer()
	if err != nil {
		return nil, err
	}
	conn, err := dialer.DialContext(ctx, "tcp", brokers[0])
	if err != nil {
		return nil, fmt.Errorf("kafka %s: %w", brokers[0], err)
	}
	defer conn.Close()
	parts, err := conn.ReadPartitions(topic)
	if errors.Is(err, kafka.UnknownTopicOrPartition) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kafka: partitions of %s: %w", topic, err)
	}
	var out []*message.Message
	for _, p := range parts {
		msgs, err := readPartition(ctx, dialer, p)
		if err != nil {
			return nil, err
		}
		out = append(out, msgs...)
	}
	return out, nil
}

func readPartition(ctx context.Context, dialer *kafka.Dialer, p kafka.Partition) ([]*message.Message, error) {
	conn, err := dialer.DialLeader(ctx, "tcp", net.JoinHostPort(p.Leader.Host, strconv.Itoa(p.Leader.Port)), p.Topic, p.ID)
	if err != nil {
		return nil, fmt.Errorf("kafka: leader of %s/%d: %w", p.Topic, p.ID, err)
	}
	defer conn.Close()
	first, last, err := conn.ReadOffsets()
	if err != nil || last <= first {
		return nil, err
	}
	var out []*message.Message
	for next := first; next < last; {
		if _, err := conn.Seek(next, kafka.SeekAbsolute); err != nil {
			return nil, err
		}
		if d, ok := ctx.Deadline(); ok {
			_ = conn.SetReadDeadline(d)
		}
		batch := conn.ReadBatchWith(kafka.ReadBatchConfig{MinBytes: 1, MaxBytes: 16 << 20, MaxWait: time.Second})
		read := 0
		for {
			km, err := batch.ReadMessage()
			if err != nil {
				break // the batch's end (or its error, reported by Close)
			}
			read++
			next = km.Offset + 1
			m := fromKafka(km)
			m.SetContext(withPosition(context.Background(), Position{Topic: p.Topic, Partition: p.ID, Offset: km.Offset}))
			out = append(out, m)
		}
		if err := batch.Close(); err != nil {
			return nil, fmt.Errorf("kafka: read %s/%d at %d: %w", p.Topic, p.ID, next, err)
		}
		if read == 0 {
			return nil, fmt.Errorf("kafka: read %s/%d: no message at offset %d of %d", p.Topic, p.ID, next, last)
		}
	}
	return out, nil
}

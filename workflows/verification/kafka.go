package verification

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/segmentio/kafka-go"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// maxBatchBytes bounds one fetch: an integration event is at most contracts.MaxMessageBytes.
const maxBatchBytes = 4 * contracts.MaxMessageBytes

// ReadKafka reads every integration-event topic from its first offset to the end it has now,
// as an auditor reading the topics would, and returns each trade's events (a topic's in offset
// order, topic after topic) with their fingerprints. A message that does not decode is no
// trade's event and is left out; the bridge poisons it too.
func ReadKafka(ctx context.Context, brokers []string, auth kafkapubsub.SASL) (map[string][]Event, error) {
	if len(brokers) == 0 {
		return nil, errors.New("kafka: no brokers")
	}
	dialer, err := auth.Dialer()
	if err != nil {
		return nil, err
	}
	topics := contracts.Topics()
	slices.Sort(topics)
	out := map[string][]Event{}
	for _, topic := range topics {
		parts, err := dialer.LookupPartitions(ctx, "tcp", brokers[0], topic)
		if err != nil {
			return nil, fmt.Errorf("kafka: partitions of %s: %w", topic, err)
		}
		for _, p := range parts {
			if err := readPartition(ctx, dialer, brokers[0], topic, p.ID, out); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func readPartition(ctx context.Context, dialer *kafka.Dialer, broker, topic string, partition int, out map[string][]Event) error {
	conn, err := dialer.DialLeader(ctx, "tcp", broker, topic, partition)
	if err != nil {
		return fmt.Errorf("kafka: %s/%d: %w", topic, partition, err)
	}
	defer conn.Close()
	first, last, err := conn.ReadOffsets()
	if err != nil {
		return fmt.Errorf("kafka: offsets of %s/%d: %w", topic, partition, err)
	}
	if _, err := conn.Seek(first, kafka.SeekAbsolute); err != nil {
		return fmt.Errorf("kafka: seek %s/%d: %w", topic, partition, err)
	}
	for offset := first; offset < last; {
		if dl, ok := ctx.Deadline(); ok {
			_ = conn.SetReadDeadline(dl)
		}
		batch := conn.ReadBatch(1, maxBatchBytes)
		from := offset
		for {
			m, err := batch.ReadMessage()
			if err != nil {
				break
			}
			offset = m.Offset + 1
			if e, tradeID, ok := decode(m); ok {
				out[tradeID] = append(out[tradeID], e)
			}
			if offset >= last {
				break
			}
		}
		if err := batch.Close(); err != nil || offset == from {
			return fmt.Errorf("kafka: read %s/%d at %d of %d: %w", topic, partition, offset, last, errors.Join(err, errors.New("no progress")))
		}
	}
	return nil
}

// decode turns a Kafka message into the event it carries, as the consumers do.
func decode(km kafka.Message) (Event, string, bool) {
	m := message.NewMessage("", km.Value)
	for _, h := range km.Headers {
		if h.Key == kafkapubsub.UUIDHeader {
			m.UUID = string(h.Value)
			continue
		}
		m.Metadata.Set(h.Key, string(h.Value))
	}
	return fromMessage(m)
}

// fromMessage decodes an integration event and fingerprints it (contracts.Fingerprint).
func fromMessage(m *message.Message) (Event, string, bool) {
	env, err := eventbus.Decode(m)
	if err != nil {
		return Event{}, "", false
	}
	sum, err := contracts.Fingerprint(env)
	if err != nil {
		return Event{}, "", false
	}
	return Event{ID: env.ID, Type: env.Type, Source: env.Source, SHA256: sum, ByConfirmingBank: contracts.ByConfirmingBank(env.Data)}, env.TradeID, true
}

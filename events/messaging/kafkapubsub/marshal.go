package kafkapubsub

import (
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/segmentio/kafka-go"
)

// toKafka maps a Watermill message to a Kafka message: payload as value, metadata as headers,
// the UUID in its own header, the partition key as key.
func toKafka(topic, key string, m *message.Message) kafka.Message {
	headers := make([]kafka.Header, 0, len(m.Metadata)+1)
	headers = append(headers, kafka.Header{Key: UUIDHeader, Value: []byte(m.UUID)})
	for k, v := range m.Metadata {
		headers = append(headers, kafka.Header{Key: k, Value: []byte(v)})
	}
	km := kafka.Message{Topic: topic, Value: m.Payload, Headers: headers}
	if key != "" {
		km.Key = []byte(key)
	}
	return km
}

// fromKafka is the inverse of toKafka.
func fromKafka(km kafka.Message) *message.Message {
	var uuid string
	md := make(message.Metadata, len(km.Headers))
	for _, h := range km.Headers {
		if h.Key == UUIDHeader {
			uuid = string(h.Value)
			continue
		}
		md.Set(h.Key, string(h.Value))
	}
	m := message.NewMessage(uuid, km.Value)
	m.Metadata = md
	return m
}

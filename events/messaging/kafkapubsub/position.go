package kafkapubsub

import (
	"context"

	"github.com/ThreeDotsLabs/watermill/message"
)

// Position is where a consumed message sits in Kafka: its topic, partition and offset. The
// subscriber puts it in every delivered message's context, so a consumer can name the exact
// message it refuses (the poison queue records it).
type Position struct {
	Topic     string
	Partition int
	Offset    int64
}

type positionKey struct{}

// PositionFrom returns the Kafka position of a delivered message, if the subscriber set one.
func PositionFrom(msg *message.Message) (Position, bool) {
	p, ok := msg.Context().Value(positionKey{}).(Position)
	return p, ok
}

func withPosition(ctx context.Context, p Position) context.Context {
	return context.WithValue(ctx, positionKey{}, p)
}

package tradeindex

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"

	"golang.org/x/sync/errgroup"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// GroupPrefix is the start of every consumer group the portal uses; the broker's ACLs grant the
// portal's principal these groups and read access to the trade topics, nothing else.
const GroupPrefix = "portal"

// Follow reads every trade topic from its first message into x until ctx ends. Each process
// reads with consumer groups of its own (one per topic), so every replica sees every event and a
// restarted portal rebuilds its index from the start.
func (x *Index) Follow(ctx context.Context, brokers []string, sasl kafkapubsub.SASL, log *slog.Logger) error {
	run := make([]byte, 8)
	if _, err := rand.Read(run); err != nil {
		return err
	}
	g, ctx := errgroup.WithContext(ctx)
	for _, topic := range contracts.Topics() {
		sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: sasl,
			ConsumerGroup: fmt.Sprintf("%s-%s-%s", GroupPrefix, hex.EncodeToString(run), topic)}, log)
		if err != nil {
			return err
		}
		msgs, err := sub.Subscribe(ctx, topic)
		if err != nil {
			_ = sub.Close()
			return fmt.Errorf("follow %s: %w", topic, err)
		}
		g.Go(func() error {
			defer sub.Close()
			for msg := range msgs {
				env, err := eventbus.Decode(msg)
				if err != nil {
					// Not an event of a version the portal knows: nothing to index, never a stall.
					log.Warn("event not indexed", "topic", topic, "message", msg.UUID, "err", err)
				} else {
					x.Add(env)
				}
				msg.Ack()
			}
			if ctx.Err() != nil {
				return nil
			}
			return errors.New("the subscription to " + topic + " ended")
		})
	}
	return g.Wait()
}

package adapters

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

// Indexer consumes the trade topics with the agent's own consumer groups (one per topic:
// kafka-go readers sharing a group across topics rebalance on every join) and indexes each
// event. An offset is committed only once its event is stored, so the groups' committed offsets
// say how far the index has got (see CatchUp).
type Indexer struct {
	Brokers []string
	SASL    kafkapubsub.SASL // the agent's own Kafka principal
	// Topics are the topics to index (domain.Topics of the agent's organisation).
	Topics []string
	// Group prefixes the consumer groups: <Group>.<topic>.
	Group string
	Store IndexStore
	Log   *slog.Logger
	// CatchUpWait bounds how long CatchUp waits (default 10 s).
	CatchUpWait time.Duration
}

func (ix *Indexer) group(topic string) string { return ix.Group + "." + topic }

// Run indexes until ctx ends; it returns nil then.
func (ix *Indexer) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	if len(ix.Topics) == 0 {
		return errors.New("indexer: no topics")
	}
	for _, topic := range ix.Topics {
		sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: ix.Brokers, SASL: ix.SASL, ConsumerGroup: ix.group(topic)}, ix.Log)
		if err != nil {
			return err
		}
		defer sub.Close()
		msgs, err := sub.Subscribe(ctx, topic)
		if err != nil {
			return fmt.Errorf("subscribe to %s: %w", topic, err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for msg := range msgs {
				ix.handle(topic, msg)
			}
		}()
	}
	<-ctx.Done()
	return nil
}

// handle indexes one message. What cannot be an event of its topic is logged and skipped (acked):
// it can never justify a milestone; neither can an event that stands for none (domain.Indexed),
// skipped quietly. A store failure is nacked, so the message comes again.
func (ix *Indexer) handle(topic string, msg *message.Message) {
	env, err := eventbus.Decode(msg)
	switch {
	case err != nil:
		ix.Log.Warn("not indexed: not an integration event", "topic", topic, "err", err)
	case contracts.Topic(env.Type) != topic:
		// Each context publishes on its own topic (and, with broker ACLs, only there): an lc event
		// on the customs topic is not the LC service's.
		ix.Log.Warn("not indexed: event type on another context's topic", "topic", topic, "type", env.Type, "id", env.ID)
	case len(env.TradeID) > domain.MaxTradeIDLength:
		ix.Log.Warn("not indexed: trade ID too long", "topic", topic, "type", env.Type, "id", env.ID)
	case !domain.Indexed(env.Type): // it stands for no milestone: nothing is justified by it
	default:
		if err := ix.Store.Add(msg.Context(), topic, env); err != nil {
			ix.Log.Error("index write failed; the message comes again", "topic", topic, "id", env.ID, "err", err)
			msg.Nack()
			return
		}
	}
	msg.Ack()
}

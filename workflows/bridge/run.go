package bridge

import (
	"context"
	"errors"
	"fmt"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// Run consumes the integration-event topics until ctx ends, authenticated as auth (the worker's
// principal). Each topic has a consumer group of its own (trade-bridge.<topic>): kafka-go
// readers that share a group across different topics make the group rebalance on every join.
func (b Bridge) Run(ctx context.Context, brokers []string, auth kafkapubsub.SASL) error {
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: auth})
	if err != nil {
		return err
	}
	defer pub.Close()
	router, err := eventbus.NewRouter(watermill.NewSlogLogger(b.log()), pub)
	if err != nil {
		return err
	}
	lanes := b.Lanes
	if lanes <= 0 {
		lanes = 4
	}
	for _, topic := range Topics {
		for lane := range lanes {
			sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: auth, ConsumerGroup: ConsumerGroup + "." + topic}, b.log())
			if err != nil {
				return err
			}
			defer sub.Close()
			router.AddConsumerHandler(fmt.Sprintf("bridge %s #%d", topic, lane), topic, sub, b.Handle)
		}
	}
	err = router.Run(ctx)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}

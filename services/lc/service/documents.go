package service

import (
	"context"
	"errors"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/services/lc/adapters/inbox"
)

// ConsumerGroup reads customs' events: every LC instance on one store shares it.
const ConsumerGroup = "lc"

// consumeDocuments learns the documents customs registers for each trade, once (the inbox).
func (s *Service) consumeDocuments(ctx context.Context, pub *kafkapubsub.Publisher) error {
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: s.Work.KafkaBrokers, SASL: s.Work.KafkaSASL, ConsumerGroup: ConsumerGroup}, s.Work.Log)
	if err != nil {
		return err
	}
	defer sub.Close()
	router, err := eventbus.NewRouter(watermill.NewSlogLogger(s.Work.Log), pub)
	if err != nil {
		return err
	}
	router.AddConsumerHandler(inbox.Consumer, contracts.Topic("customs.document_registered.v1"), sub, inbox.Documents{Store: s.Store}.Handle)
	err = router.Run(ctx)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return errors.Join(err, router.Close())
}

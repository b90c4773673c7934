//go:build !unit

package e2e_test

import (
	"context"
	"sync"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/workflows/bridge"
)

// published collects every integration event the services put on Kafka, as an auditor reading
// the topics would, and fingerprints each the way the contract defines.
type published struct {
	mu     sync.Mutex
	byID   map[string]string            // event ID → SHA-256 of its canonical form
	byType map[string]map[string]string // trade ID → event type → event ID
}

func watchTopics(t *testing.T, brokers []string) *published {
	t.Helper()
	p := &published{byID: map[string]string{}, byType: map[string]map[string]string{}}
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)}, nil) // no group: from the start
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); _ = sub.Close() })
	for _, topic := range bridge.Topics {
		msgs, err := sub.Subscribe(ctx, topic)
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			for m := range msgs {
				m.Ack()
				env, err := eventbus.Decode(m)
				if err != nil {
					continue
				}
				sum, err := contracts.Fingerprint(env)
				if err != nil {
					continue
				}
				p.mu.Lock()
				p.byID[env.ID] = sum
				if p.byType[env.TradeID] == nil {
					p.byType[env.TradeID] = map[string]string{}
				}
				p.byType[env.TradeID][env.Type] = env.ID
				p.mu.Unlock()
			}
		}()
	}
	return p
}

// fingerprint is the SHA-256 of the event with that ID as published ("" when not seen).
func (p *published) fingerprint(eventID string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.byID[eventID]
}

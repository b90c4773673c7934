// Package outbox relays the transactional outbox to the message broker. Services write their
// integration messages in the same transaction as their events (eventstore.Store.Append); the
// Forwarder publishes what is pending, in order, and then marks it sent. A crash between the two
// publishes the message again on restart: delivery is at least once, and consumers apply each
// message once through their inbox (eventstore.Store.HandleOnce).
package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// Config configures a Forwarder.
type Config struct {
	Store     eventstore.Store
	Publisher message.Publisher
	Interval  time.Duration // how often to poll when idle
	// Wake, when set, ends an idle wait early: a store write signals it (see Waking), so a
	// message is published within milliseconds instead of up to Interval later. The interval
	// still bounds the wait, for writes made by another process.
	Wake      <-chan struct{}
	BatchSize int
	Log       *slog.Logger
	// BeforeMark, if set, runs after a batch is published and before it is marked sent; tests
	// use it to kill the forwarder at the worst moment.
	BeforeMark func(seqs []int64)
}

func (c *Config) setDefaults() {
	if c.Interval == 0 {
		c.Interval = 100 * time.Millisecond
	}
	if c.BatchSize == 0 {
		c.BatchSize = 500
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
}

// Validate reports every problem at once.
func (c Config) Validate() error {
	var errs []error
	if c.Store == nil {
		errs = append(errs, errors.New("store is required"))
	}
	if c.Publisher == nil {
		errs = append(errs, errors.New("publisher is required"))
	}
	return errors.Join(errs...)
}

// Forwarder publishes pending outbox messages.
type Forwarder struct{ cfg Config }

// NewForwarder validates the configuration.
func NewForwarder(cfg Config) (*Forwarder, error) {
	cfg.setDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("outbox forwarder: %w", err)
	}
	return &Forwarder{cfg: cfg}, nil
}

// Run forwards until ctx ends; a failed round is logged and retried after the interval.
func (f *Forwarder) Run(ctx context.Context) error {
	for {
		n, err := f.ForwardOnce(ctx)
		if err != nil && ctx.Err() == nil {
			f.cfg.Log.Warn("outbox forward failed; retrying", "err", err)
		}
		if n > 0 && err == nil {
			continue // there may be more
		}
		select {
		case <-ctx.Done():
			return nil
		case <-f.cfg.Wake: // nil when unset: never ready
		case <-time.After(f.cfg.Interval):
		}
	}
}

// ForwardOnce publishes one batch of pending messages in order and marks them sent. Runs of
// messages for the same topic are published in one call. A message that can never be published
// (over contracts.MaxMessageBytes, or refused by the broker as too large) is parked (see park)
// instead of blocking every message behind it forever.
func (f *Forwarder) ForwardOnce(ctx context.Context) (int, error) {
	pending, err := f.cfg.Store.PendingOutbox(ctx, f.cfg.BatchSize)
	if err != nil || len(pending) == 0 {
		return 0, err
	}
	for start := 0; start < len(pending); {
		if reason := tooLarge(pending[start]); reason != "" {
			if err := f.park(ctx, pending[start], reason); err != nil {
				return start, err
			}
			start++
			continue
		}
		end := start + 1
		for end < len(pending) && pending[end].Topic == pending[start].Topic && tooLarge(pending[end]) == "" {
			end++
		}
		if err := f.publish(ctx, pending[start:end]); err != nil {
			return start, err
		}
		start = end
	}
	return len(pending), nil
}

// publish publishes a run of messages for one topic and marks them sent. When the broker refuses
// the run as too large, each is published alone and the one it refuses is parked.
func (f *Forwarder) publish(ctx context.Context, run []eventstore.PendingMessage) error {
	msgs := make([]*message.Message, len(run))
	seqs := make([]int64, len(run))
	for i, p := range run {
		msgs[i], seqs[i] = toMessage(p), p.Seq
	}
	err := f.cfg.Publisher.Publish(run[0].Topic, msgs...)
	if err != nil && kafkapubsub.IsTooLarge(err) {
		if len(run) == 1 {
			return f.park(ctx, run[0], "the broker refused it as too large: "+err.Error())
		}
		for i := range run {
			if err := f.publish(ctx, run[i:i+1]); err != nil {
				return err
			}
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish to %s: %w", run[0].Topic, err)
	}
	if f.cfg.BeforeMark != nil {
		f.cfg.BeforeMark(seqs)
	}
	return f.cfg.Store.MarkSent(ctx, seqs...) // on failure: published but not marked, sent again next round
}

func toMessage(p eventstore.PendingMessage) *message.Message {
	m := message.NewMessage(p.ID, p.Payload)
	for k, v := range p.Headers {
		m.Metadata.Set(k, v)
	}
	if p.Key != "" {
		m.Metadata.Set(kafkapubsub.PartitionKeyMetadata, p.Key)
	}
	return m
}

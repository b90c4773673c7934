// Package poison inspects and replays contracts.PoisonTopic: the messages a consumer refused
// because they can never be handled as they are (eventbus.IsPermanent), and the notices of
// outbox messages a forwarder parked because they can never be published. Once the cause is
// fixed (a consumer's bug, a missing reference), Replay republishes a message to its source
// topic with its own ID, so a consumer that had handled it already skips it (its inbox).
//
// Kafka topics are append-only: a replay is recorded on the poison topic as a marker naming the
// replayed message, and List shows only what was poisoned and not replayed since.
package poison

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// HeaderReplayed marks a replay marker: its value is the ID of the message replayed.
const HeaderReplayed = "poison_replayed"

// Record is one message on the poison topic, not replayed since it was poisoned.
type Record struct {
	ID          string // the message's ID (ce_id), kept on replay
	Time        time.Time
	Stage       string // eventbus.StageConsumer or eventbus.StageOutbox
	SourceTopic string
	Partition   int   // where it was on the source topic (-1 when it never got there)
	Offset      int64 // (-1 likewise)
	Type        string
	TradeID     string
	Reason      string
	Handler     string
	Message     *message.Message
}

// Queue is the poison topic on a broker.
type Queue struct {
	Brokers []string
	SASL    kafkapubsub.SASL
}

// List returns the poisoned messages not replayed since, oldest first.
func (q Queue) List(ctx context.Context) ([]Record, error) {
	msgs, err := kafkapubsub.ReadTopic(ctx, q.Brokers, q.SASL, contracts.PoisonTopic)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", contracts.PoisonTopic, err)
	}
	type entry struct {
		at  time.Time
		seq int
		msg *message.Message
	}
	entries := make([]entry, len(msgs))
	for i, m := range msgs {
		at, _ := time.Parse(time.RFC3339Nano, m.Metadata.Get(eventbus.HeaderPoisonTime))
		entries[i] = entry{at, i, m}
	}
	// Poison time orders a message's poisoning and its replays across partitions.
	slices.SortStableFunc(entries, func(a, b entry) int { return a.at.Compare(b.at) })
	open := map[string]Record{}
	for _, e := range entries {
		if id := e.msg.Metadata.Get(HeaderReplayed); id != "" {
			delete(open, id)
			continue
		}
		r := record(e.at, e.msg)
		open[r.ID] = r
	}
	out := make([]Record, 0, len(open))
	for _, r := range open {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Record) int { return cmp.Or(a.Time.Compare(b.Time), cmp.Compare(a.ID, b.ID)) })
	return out, nil
}

func record(at time.Time, m *message.Message) Record {
	h := m.Metadata
	r := Record{ID: m.UUID, Time: at, Stage: cmp.Or(h.Get(eventbus.HeaderPoisonStage), eventbus.StageConsumer),
		SourceTopic: h.Get(eventbus.HeaderPoisonSourceTopic), Partition: -1, Offset: -1, Type: h.Get(eventbus.HeaderType),
		TradeID: h.Get(eventbus.HeaderSubject), Reason: h.Get(eventbus.HeaderPoisonReason), Handler: h.Get(eventbus.HeaderPoisonHandler), Message: m}
	if p, err := strconv.Atoi(h.Get(eventbus.HeaderPoisonPartition)); err == nil {
		r.Partition = p
	}
	if o, err := strconv.ParseInt(h.Get(eventbus.HeaderPoisonOffset), 10, 64); err == nil {
		r.Offset = o
	}
	return r
}

// Replayable reports why r cannot be replayed, or nil: a parked outbox message never reached
// Kafka (it is too large to), so there is nothing to republish.
func (r Record) Replayable() error {
	if r.Stage == eventbus.StageOutbox {
		return fmt.Errorf("message %s was parked by an outbox forwarder (%s): it can never be published as it is; it stays in its service's outbox", r.ID, r.Reason)
	}
	if r.SourceTopic == "" {
		return fmt.Errorf("message %s has no source topic", r.ID)
	}
	return nil
}

// Replay republishes r's message to its source topic, unchanged but for the poison headers
// (same ID, same trade key), then records the replay on the poison topic.
func Replay(pub message.Publisher, r Record, now time.Time) error {
	if err := r.Replayable(); err != nil {
		return err
	}
	m := r.Message.Copy()
	for k := range m.Metadata {
		if k == HeaderReplayed || k == eventbus.HeaderPoisonHandler || slices.Contains(poisonHeaders, k) {
			delete(m.Metadata, k)
		}
	}
	if err := pub.Publish(r.SourceTopic, m); err != nil {
		return fmt.Errorf("republish %s to %s: %w", r.ID, r.SourceTopic, err)
	}
	marker := message.NewMessage(watermill.NewUUID(), nil)
	marker.Metadata.Set(HeaderReplayed, r.ID)
	marker.Metadata.Set(eventbus.HeaderPoisonTime, now.UTC().Format(time.RFC3339Nano))
	marker.Metadata.Set(kafkapubsub.PartitionKeyMetadata, r.Message.Metadata.Get(kafkapubsub.PartitionKeyMetadata))
	if err := pub.Publish(contracts.PoisonTopic, marker); err != nil {
		return fmt.Errorf("record the replay of %s (it was republished; replaying it again is harmless): %w", r.ID, err)
	}
	return nil
}

var poisonHeaders = func() []string {
	var out []string
	for k := range eventbus.PoisonHeaders("", "", "", time.Time{}) {
		out = append(out, k)
	}
	return append(out, eventbus.HeaderPoisonPartition, eventbus.HeaderPoisonOffset)
}()

package eventbus

import (
	"errors"
	"strconv"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// Headers a message carries on contracts.PoisonTopic besides its own: why it was refused, where
// it came from and when, so an operator can inspect it and replay it to its source topic once
// the cause is fixed (package poison, `tradectl poison`). Reason, topic and handler use
// Watermill's poison-queue keys, so Watermill tooling reads them too.
const (
	HeaderPoisonReason      = middleware.ReasonForPoisonedKey
	HeaderPoisonSourceTopic = middleware.PoisonedTopicKey
	HeaderPoisonHandler     = middleware.PoisonedHandlerKey
	HeaderPoisonPartition   = "poison_partition"
	HeaderPoisonOffset      = "poison_offset"
	HeaderPoisonTime        = "poison_time"
	// HeaderPoisonStage says who refused it: "consumer" (a handler) or "outbox" (a forwarder that
	// could never publish it; the message itself stays in the service's outbox).
	HeaderPoisonStage = "poison_stage"
)

// Poison stages (HeaderPoisonStage).
const (
	StageConsumer = "consumer"
	StageOutbox   = "outbox"
)

// maxReason bounds the reason header: a handler's error may quote the whole message.
const maxReason = 1024

// IsPermanent reports whether a handler error can never succeed on retry: the message does not
// decode (contracts.ErrUnknownType, contracts.ErrMalformed), breaks a contract
// (contracts.ErrConflict with recorded state, contracts.ErrBadTradeID, a body over
// contracts.MaxMessageBytes), or the handler panicked (a bug: retrying would stall the partition
// forever; replay the message once the bug is fixed). Anything else is transient.
func IsPermanent(err error) bool {
	var panicked middleware.RecoveredPanicError
	return errors.Is(err, contracts.ErrUnknownType) || errors.Is(err, contracts.ErrMalformed) ||
		errors.Is(err, contracts.ErrConflict) || errors.Is(err, contracts.ErrBadTradeID) || errors.As(err, &panicked)
}

// PoisonHeaders are the headers that say why and from where a message was poisoned.
func PoisonHeaders(stage, reason, sourceTopic string, at time.Time) map[string]string {
	if len(reason) > maxReason {
		reason = reason[:maxReason] + "…"
	}
	return map[string]string{
		HeaderPoisonStage: stage, HeaderPoisonReason: reason, HeaderPoisonSourceTopic: sourceTopic,
		HeaderPoisonTime: at.UTC().Format(time.RFC3339Nano),
	}
}

// poisonQueue acks a message that failed permanently after publishing it, with its reason and
// origin, to contracts.PoisonTopic, so its partition moves on. A transient error reaches it only
// when the router stops during retries: the message is nacked and comes again after a restart.
// If the poison topic cannot be written, the message is nacked too: it is never dropped.
func poisonQueue(pub message.Publisher, now func() time.Time) message.HandlerMiddleware {
	return func(h message.HandlerFunc) message.HandlerFunc {
		return func(msg *message.Message) ([]*message.Message, error) {
			out, err := h(msg)
			if err == nil || !IsPermanent(err) {
				return out, err
			}
			p := msg.Copy()
			for k, v := range PoisonHeaders(StageConsumer, err.Error(), message.SubscribeTopicFromCtx(msg.Context()), now()) {
				p.Metadata.Set(k, v)
			}
			p.Metadata.Set(HeaderPoisonHandler, message.HandlerNameFromCtx(msg.Context()))
			if pos, ok := kafkapubsub.PositionFrom(msg); ok {
				p.Metadata.Set(HeaderPoisonSourceTopic, pos.Topic)
				p.Metadata.Set(HeaderPoisonPartition, strconv.Itoa(pos.Partition))
				p.Metadata.Set(HeaderPoisonOffset, strconv.FormatInt(pos.Offset, 10))
			}
			if perr := pub.Publish(contracts.PoisonTopic, p); perr != nil {
				return out, errors.Join(err, perr)
			}
			return nil, nil
		}
	}
}

// refuseOversized fails a message over contracts.MaxMessageBytes before any handler reads it.
func refuseOversized(h message.HandlerFunc) message.HandlerFunc {
	return func(msg *message.Message) ([]*message.Message, error) {
		if err := CheckSize(msg); err != nil {
			return nil, err
		}
		return h(msg)
	}
}

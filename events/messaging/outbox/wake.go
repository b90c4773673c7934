package outbox

import (
	"context"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// Waking wraps a store so that every successful write that may carry outbox messages (Append,
// and HandleOnce whose handler appends in the inbox's transaction) wakes the forwarder at once:
// without it a message waits up to the forwarder's idle interval before it is published, and a
// trade's request-to-milestone path pays that on every hop. Pass Wake() as Config.Wake.
type Waking struct {
	eventstore.Store
	wake chan struct{}
}

// NewWaking wraps s.
func NewWaking(s eventstore.Store) *Waking {
	return &Waking{Store: s, wake: make(chan struct{}, 1)}
}

// Wake is the channel the forwarder listens on.
func (w *Waking) Wake() <-chan struct{} { return w.wake }

func (w *Waking) notify() {
	select {
	case w.wake <- struct{}{}:
	default: // a wake-up is already pending: the forwarder will see this write too
	}
}

// Append appends and wakes the forwarder.
func (w *Waking) Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error) {
	v, err := w.Store.Append(ctx, streamID, expected, events, outbox...)
	if err == nil && len(outbox) > 0 {
		w.notify()
	}
	return v, err
}

// HandleOnce runs the inbox handler and wakes the forwarder when it ran.
func (w *Waking) HandleOnce(ctx context.Context, consumer, messageID string, fn func(ctx context.Context, tx eventstore.Tx) error) (bool, error) {
	ran, err := w.Store.HandleOnce(ctx, consumer, messageID, fn)
	if err == nil && ran {
		w.notify()
	}
	return ran, err
}

package kafkapubsub

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
)

// ackedOffsets commits acknowledged messages through the reader, whose commits are synchronous:
// with a commit interval, the latest of each partition once per interval from a goroutine of its
// own, not each message as it is acked (no goroutine switch per message on top of the delivery
// and the Ack), and what is left when the subscription ends; without an interval every ack
// commits at once, as configured.
type ackedOffsets struct {
	r        *kafka.Reader
	interval time.Duration
	log      *slog.Logger

	mu      sync.Mutex
	pending map[int]kafka.Message // partition → its latest acknowledged message
	stop    chan struct{}
	done    chan struct{}
}

func newAckedOffsets(r *kafka.Reader, interval time.Duration, log *slog.Logger) *ackedOffsets {
	a := &ackedOffsets{r: r, interval: interval, log: log, pending: map[int]kafka.Message{}, stop: make(chan struct{}), done: make(chan struct{})}
	if interval <= 0 {
		close(a.done)
		return a
	}
	go func() {
		defer close(a.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				a.flush()
			case <-a.stop:
				return
			}
		}
	}()
	return a
}

// add records km as handled (messages of a partition are acked in order).
func (a *ackedOffsets) add(km kafka.Message) {
	if a.interval <= 0 {
		a.commit(km)
		return
	}
	a.mu.Lock()
	a.pending[km.Partition] = km
	a.mu.Unlock()
}

func (a *ackedOffsets) flush() {
	a.mu.Lock()
	if len(a.pending) == 0 {
		a.mu.Unlock()
		return
	}
	kms := make([]kafka.Message, 0, len(a.pending))
	for _, km := range a.pending {
		kms = append(kms, km)
	}
	clear(a.pending)
	a.mu.Unlock()
	a.commit(kms...)
}

func (a *ackedOffsets) commit(kms ...kafka.Message) {
	ctx, cancel := context.WithTimeout(context.Background(), commitTimeout)
	defer cancel()
	if err := a.r.CommitMessages(ctx, kms...); err != nil {
		// The messages were handled; a failed commit only means they may come again.
		a.log.Warn("commit failed", "messages", len(kms), "err", err)
	}
}

// close stops the ticker and commits what is pending (before the reader closes).
func (a *ackedOffsets) close() {
	if a.interval > 0 {
		close(a.stop)
	}
	<-a.done
	a.flush()
}

// commitTimeout bounds one synchronous commit, so a broker gone away cannot hold a subscription's
// end: the messages were handled, and an offset not committed only means they may come again.
const commitTimeout = 10 * time.Second

//go:build !unit

package kafkapubsub_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/deploy/devstack/testenv/brokerprocess"
)

// TestReconnectAcrossBrokerRestarts: 20 publishers send 3,000 messages while the broker is
// restarted twice; once every publish has returned, every published message must have been
// received. (Watermill's own TestReconnect does the same but compares before its publishers'
// bookkeeping is complete, so it fails spuriously on a fast broker; this version waits.)
func TestReconnectAcrossBrokerRestarts(t *testing.T) {
	testenv.NeedsComponent(t, "a Kafka-protocol broker process, restarted twice")
	b := brokerprocess.Start(t)
	pub, sub := newPubSub(t, []string{b.Addr}, b.Creds.SASL("tests"), "reconnect-"+watermill.NewShortUUID())
	defer pub.Close()
	defer sub.Close()
	topic := "reconnect-" + watermill.NewShortUUID()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	msgs, err := sub.Subscribe(ctx, topic)
	if err != nil {
		t.Fatal(err)
	}

	const total, publishers = 3000, 20
	received := map[string]bool{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m := range msgs {
			received[m.UUID] = true
			m.Ack()
			if len(received) == total {
				return
			}
		}
	}()

	work := make(chan int)
	var published sync.Map
	var wg sync.WaitGroup
	for range publishers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range work {
				m := message.NewMessage(watermill.NewUUID(), []byte("x"))
				for pub.Publish(topic, m) != nil { // the broker may be down: retry until it is back
					time.Sleep(100 * time.Millisecond)
				}
				published.Store(m.UUID, true)
			}
		}()
	}
	for i := range total {
		if i == total/3 || i == total/2 {
			b.Restart(t)
		}
		work <- i
	}
	close(work)
	wg.Wait()
	select {
	case <-done:
	case <-ctx.Done():
		<-done // the subscription closed with ctx; received is ours now
	}
	missing := 0
	published.Range(func(k, _ any) bool {
		if !received[k.(string)] {
			missing++
		}
		return true
	})
	if missing > 0 || len(received) != total {
		t.Fatalf("received %d distinct messages of %d published; %d published messages never arrived", len(received), total, missing)
	}
}

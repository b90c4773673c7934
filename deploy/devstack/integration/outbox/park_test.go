//go:build !unit

package outbox_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/messaging/outbox"
	"github.com/tradefin/tradefin/events/messaging/poison"
)

// TestOversizedOutboxMessagesAreParked: messages that can never be published (300 KB, over the
// contracts bound; 1.2 MB, over what Kafka takes) sit in the outbox among good ones. The
// forwarder used to retry the oldest forever and nothing behind it left; now it parks them (a
// notice on the poison topic, listed as parked) and the good ones are published, in order.
func TestOversizedOutboxMessagesAreParked(t *testing.T) {
	brokers, auth := testenv.KafkaBrokers(t), testenv.KafkaSASL(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	store, err := sqlstore.OpenSQLite(ctx, filepath.Join(t.TempDir(), "lc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	topic := "outbox-park-" + watermill.NewShortUUID()
	tradeID := "T-" + watermill.NewShortUUID()
	sizes := []int{10, 300 << 10, 10, 1200 << 10, 10, 10}
	var ids []string
	for i, n := range sizes {
		id := watermill.NewUUID()
		ids = append(ids, id)
		payload := fmt.Sprintf(`{"tradeId":%q,"n":%d,"pad":%q}`, tradeID, i, strings.Repeat("x", n))
		_, err := store.Append(ctx, "lc-"+tradeID, eventstore.ExpectAny, []eventstore.NewEvent{{ID: watermill.NewUUID(), Type: "lc.Applied", Data: []byte(`{}`)}},
			eventstore.OutboxMessage{ID: id, Topic: topic, Key: tradeID, Payload: []byte(payload),
				Headers: map[string]string{eventbus.HeaderType: "lc.applied.v1", eventbus.HeaderSubject: tradeID}})
		if err != nil {
			t.Fatal(err)
		}
	}
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: auth})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	f, err := outbox.NewForwarder(outbox.Config{Store: store, Publisher: pub})
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; ; round++ {
		p, err := store.PendingOutbox(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(p) == 0 {
			break
		}
		if round == 5 {
			t.Fatalf("after %d rounds %d messages are still pending, the oldest %s of %d bytes", round, len(p), p[0].ID, len(p[0].Payload))
		}
		if _, err := f.ForwardOnce(ctx); err != nil {
			t.Logf("round %d: %v", round, err)
		}
	}
	published, err := kafkapubsub.ReadTopic(ctx, brokers, auth, topic)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range published {
		got = append(got, m.UUID)
	}
	if want := []string{ids[0], ids[2], ids[4], ids[5]}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("published %v, want the good ones in order %v", got, want)
	}
	recs, err := poison.Queue{Brokers: brokers, SASL: auth}.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	parked := map[string]poison.Record{}
	for _, r := range recs {
		if r.Stage == eventbus.StageOutbox && r.TradeID == tradeID {
			parked[r.ID] = r
		}
	}
	for _, id := range []string{ids[1], ids[3]} {
		r, ok := parked[id]
		if !ok || r.SourceTopic != topic || r.Type != "lc.applied.v1" || !strings.Contains(r.Reason, "bytes") || r.Replayable() == nil {
			t.Errorf("parked %s: %+v (found %v)", id, r, ok)
		}
	}
	if len(parked) != 2 {
		t.Errorf("%d parked notices, want 2", len(parked))
	}
}

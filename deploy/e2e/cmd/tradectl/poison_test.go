//go:build !unit

package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
)

// TestPoisonListAndReplay, on the real broker: a message a consumer refuses (a conflict, while a
// bug lasts) is listed by `tradectl poison list`; once the consumer is fixed, `poison replay <id>`
// brings it back to its source topic and it is applied once; replaying again is harmless (the
// consumer's inbox) and it is no longer listed.
func TestPoisonListAndReplay(t *testing.T) {
	brokers, auth := testenv.KafkaBrokers(t), testenv.KafkaSASL(t)
	t.Setenv("TRADEFIN_KAFKA_BROKERS", strings.Join(brokers, ","))
	t.Setenv("TRADEFIN_KAFKA_USER", auth.User)
	t.Setenv("TRADEFIN_KAFKA_PASSWORD", auth.Password)
	t.Setenv("TRADEFIN_KAFKA_SASL_MECHANISM", auth.Mechanism)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	store, err := sqlstore.OpenSQLite(ctx, filepath.Join(t.TempDir(), "consumer.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	topic := "poison-replay-" + watermill.NewShortUUID()
	tradeID := "T-" + watermill.NewShortUUID()
	var broken atomic.Bool
	broken.Store(true)
	applied := make(chan string, 4)
	pub := testenv.Consume(ctx, t, "replay-"+topic, topic, func(m *message.Message) error {
		env, err := eventbus.Decode(m)
		if err != nil {
			return err
		}
		if broken.Load() {
			return fmt.Errorf("%w: the consumer's bug", contracts.ErrConflict)
		}
		ran, err := store.HandleOnce(m.Context(), "test", env.ID, func(ctx context.Context, tx eventstore.Tx) error {
			_, err := tx.Append(ctx, "effects-"+env.ID, eventstore.ExpectAny, []eventstore.NewEvent{{ID: "effect-" + env.ID, Type: "test.Applied", Data: []byte(`{}`)}})
			return err
		})
		if ran {
			applied <- env.ID
		}
		return err
	})
	msg, _, err := eventbus.Encode(ctx, "/tradefin/lc", tradeID, "", contracts.LCAdvised{TradeID: tradeID, LCID: "LC-1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := pub.Publish(topic, msg); err != nil {
		t.Fatal(err)
	}

	// 1. It is listed, one line with time, source topic, type, trade and reason.
	var line string
	for line == "" {
		if ctx.Err() != nil {
			t.Fatal("the refused message never showed in tradectl poison list")
		}
		time.Sleep(300 * time.Millisecond)
		line = lineWith(t, tradectl(ctx, t, "poison", "list"), msg.UUID)
	}
	for _, want := range []string{topic, "lc.advised.v1", tradeID, "the consumer's bug", time.Now().UTC().Format("2006-01-02T")} {
		if !strings.Contains(line, want) {
			t.Errorf("list line %q lacks %q", line, want)
		}
	}

	// 2. Fixed, replayed: applied once.
	broken.Store(false)
	if out := tradectl(ctx, t, "poison", "replay", msg.UUID); !strings.Contains(out, "replayed "+msg.UUID) {
		t.Fatalf("replay printed %q", out)
	}
	select {
	case id := <-applied:
		if id != msg.UUID {
			t.Fatalf("applied %s", id)
		}
	case <-ctx.Done():
		t.Fatal("the replayed message was never applied")
	}
	if line := lineWith(t, tradectl(ctx, t, "poison", "list"), msg.UUID); line != "" {
		t.Fatalf("still listed after its replay: %q", line)
	}

	// 3. Replaying the same message again (an operator's second --all) is harmless.
	if err := poisonCommand(ctx, new(bytes.Buffer), []string{"poison", "replay", msg.UUID}); err == nil || !strings.Contains(err.Error(), "replayed already") {
		t.Fatalf("second replay of a replayed message: %v", err)
	}
	if err := pub.Publish(topic, msg); err != nil { // as a replay racing the first would
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	if effects, _ := store.ReadStream(ctx, "effects-"+msg.UUID, 1); len(effects) != 1 || len(applied) != 0 {
		t.Fatalf("%d effects; want exactly one", len(effects))
	}
	// 4. Usage errors are one line.
	if err := poisonCommand(ctx, new(bytes.Buffer), []string{"poison", "replay"}); err == nil || strings.Contains(err.Error(), "\n") {
		t.Fatalf("usage error %q", err)
	}
}

func tradectl(ctx context.Context, t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := poisonCommand(ctx, &out, args); err != nil {
		t.Fatalf("tradectl %s: %v", strings.Join(args, " "), err)
	}
	return out.String()
}

func lineWith(t *testing.T, out, s string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

package eventbus_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/money"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := contracts.LCHonoured{TradeID: "T-1", LCID: "LC-1", Amount: money.New(125000_00, money.MustCurrency("EUR")), IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"}
	msg, topic, err := eventbus.Encode(context.Background(), "/tradefin/lc", "T-1", "", in)
	if err != nil {
		t.Fatal(err)
	}
	if topic != "tradefin.lc.v1" || msg.Metadata.Get(eventbus.HeaderType) != "lc.honoured.v1" || msg.Metadata.Get(kafkapubsub.PartitionKeyMetadata) != "T-1" {
		t.Fatalf("topic %s, metadata %v", topic, msg.Metadata)
	}
	env, err := eventbus.Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	if got := *env.Data.(*contracts.LCHonoured); !reflect.DeepEqual(got, in) || env.TradeID != "T-1" || env.ID != msg.UUID {
		t.Fatalf("decoded %+v", env)
	}
}

func TestDecodeRefusesUnknownAndMalformed(t *testing.T) {
	good, _, _ := eventbus.Encode(context.Background(), "/t", "T-1", "", contracts.LCAdvised{TradeID: "T-1"})
	unknown := good.Copy()
	unknown.Metadata.Set(eventbus.HeaderType, "lc.teleported.v1")
	if _, err := eventbus.Decode(unknown); !errors.Is(err, contracts.ErrUnknownType) || !eventbus.IsPermanent(err) {
		t.Errorf("unknown type: %v", err)
	}
	corrupt := message.NewMessage("m2", []byte(`{"tradeId": 7`))
	corrupt.Metadata = good.Metadata
	if _, err := eventbus.Decode(corrupt); !errors.Is(err, contracts.ErrMalformed) {
		t.Errorf("corrupt payload: %v", err)
	}
	if _, _, err := eventbus.Encode(context.Background(), "/t", "", "", contracts.LCAdvised{}); !errors.Is(err, contracts.ErrMalformed) {
		t.Errorf("event without trade ID: %v", err)
	}
	if _, _, err := eventbus.Encode(context.Background(), "/t", "T", "", struct{}{}); !errors.Is(err, contracts.ErrUnknownType) {
		t.Errorf("non-contract payload: %v", err)
	}
}

// The fingerprint survives the trip through a Kafka message: publisher and consumer agree on it,
// and any change to the event changes it.
func TestFingerprintIsStableAcrossEncodeDecode(t *testing.T) {
	ev := contracts.LCIssued{TradeID: "T-F", LCID: "LC-1", LCNumber: "ILC001", IssueDate: "2026-11-02"}
	msg, _, err := eventbus.Encode(context.Background(), "/tradefin/lc", "T-F", "ev-1", ev)
	if err != nil {
		t.Fatal(err)
	}
	env, err := eventbus.Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	first, err := contracts.Fingerprint(env)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := eventbus.Decode(msg)
	if second, _ := contracts.Fingerprint(again); second != first || len(first) != 64 {
		t.Fatalf("fingerprints %s and %s", first, second)
	}
	env.Data.(*contracts.LCIssued).LCNumber = "ILC002"
	if changed, _ := contracts.Fingerprint(env); changed == first {
		t.Fatal("a changed event kept its fingerprint")
	}
}

// A message that breaks a contract bound is refused as permanent (poisoned, never retried): a
// trade ID out of bounds, a payload over contracts.MaxMessageBytes; so is a handler's panic.
func TestContractBoundsArePermanent(t *testing.T) {
	good, _, _ := eventbus.Encode(context.Background(), "/t", "T-1", "", contracts.LCAdvised{TradeID: "T-1"})
	badID := good.Copy()
	badID.Metadata.Set(eventbus.HeaderSubject, strings.Repeat("x", contracts.MaxTradeIDLength+1))
	if _, err := eventbus.Decode(badID); !errors.Is(err, contracts.ErrBadTradeID) || !eventbus.IsPermanent(err) {
		t.Errorf("trade ID over the bound: %v", err)
	}
	huge := message.NewMessage("m3", make([]byte, contracts.MaxMessageBytes+1))
	huge.Metadata = good.Copy().Metadata
	if err := eventbus.CheckSize(huge); !eventbus.IsPermanent(err) {
		t.Errorf("oversized message: %v", err)
	}
	if _, err := eventbus.Decode(huge); !errors.Is(err, contracts.ErrMalformed) {
		t.Errorf("oversized message decoded: %v", err)
	}
	if _, _, err := eventbus.Encode(context.Background(), "/t", "T 1/x", "", contracts.LCAdvised{}); !errors.Is(err, contracts.ErrBadTradeID) {
		t.Errorf("encode with a bad trade ID: %v", err)
	}
	if _, _, err := eventbus.Encode(context.Background(), "/t", "T-1", "", contracts.LCAdvised{TradeID: "T-1", LCID: strings.Repeat("x", contracts.MaxMessageBytes)}); !errors.Is(err, contracts.ErrMalformed) {
		t.Errorf("encode over the size bound: %v", err)
	}
	if eventbus.IsPermanent(errors.New("connection refused")) {
		t.Error("a transient error counted as permanent")
	}
	if !eventbus.IsPermanent(fmt.Errorf("bridge: %w", eventbus.Permanent(errors.New("InvalidArgument")))) {
		t.Error("an error marked permanent is retried")
	}
	if !eventbus.IsPermanent(fmt.Errorf("handler: %w", middleware.RecoveredPanicError{V: "boom"})) {
		t.Error("a panic is retried forever")
	}
}

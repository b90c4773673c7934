package service_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message/router/middleware"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
	"github.com/tradefin/tradefin/services/settlement/service"
)

var sara = identity.Stamp{Org: "ESSESESS", User: "sara", Client: "tradefin-portal"}

func start(t *testing.T, ctx context.Context, brokers []string) *service.Service {
	t.Helper()
	opts, err := service.OptionsFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	svc, err := service.NewWith(ctx, service.Config{DataDir: t.TempDir(), KafkaBrokers: brokers, KafkaSASL: testenv.KafkaSASL(t)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() }) // after the background work stops (cleanups run last first)
	testenv.Background(t, svc.Run)
	return svc
}

// running starts the service on the real broker for the test (90 s at most).
func running(t *testing.T) (context.Context, []string, *service.Service) {
	t.Helper()
	brokers := testenv.KafkaBrokers(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	return ctx, brokers, start(t, ctx, brokers)
}

// honour is an lc.honoured.v1 of EUR 2,500.00 for presentation P1 of LC1 of the trade.
func honour(tradeID string) contracts.LCHonoured {
	return contracts.LCHonoured{TradeID: tradeID, Actor: sara, LCID: "LC1", PresentationID: "P1", Amount: money.New(250000, money.MustCurrency("EUR")),
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Beneficiary: "Azulejos Lisboa Lda"}
}

func publish(t *testing.T, ctx context.Context, brokers []string, eventID string, ev contracts.LCHonoured) {
	t.Helper()
	publishKeyed(t, ctx, brokers, ev.TradeID, eventID, ev)
}

// publishKeyed publishes ev under the Kafka key and ce_subject key.
func publishKeyed(t *testing.T, ctx context.Context, brokers []string, key, eventID string, ev contracts.LCHonoured) {
	t.Helper()
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	msg, topic, err := eventbus.Encode(ctx, "/tradefin/lc", key, eventID, ev)
	if err != nil {
		t.Fatal(err)
	}
	if err := pub.Publish(topic, msg); err != nil {
		t.Fatal(err)
	}
}

func waitRaised(t *testing.T, ctx context.Context, svc *service.Service, id string) *domain.Payment {
	t.Helper()
	for {
		p, err := svc.App.Queries.Payment.Handle(ctx, identity.Actor{Org: "TRADEREG", OrgKind: identity.Auditor, Subject: "audra", Roles: []string{identity.RoleAuditor}}, id)
		if err == nil {
			return p
		}
		if domain.KindOf(err) != domain.KindNotFound {
			t.Fatal(err)
		}
		if ctx.Err() != nil {
			t.Fatal("payment not raised from the Kafka event")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestHonouredThroughKafka: lc.honoured.v1 published on the real broker raises the payment, and
// the workflow's release sends settlement.payment-initiated.v1, naming the workflow as its actor,
// out through the outbox to Kafka.
func TestHonouredThroughKafka(t *testing.T) {
	ctx, brokers, svc := running(t)

	tradeID := "T-" + time.Now().Format("150405.000000")
	ev := honour(tradeID)
	publish(t, ctx, brokers, "", ev)
	id := domain.PaymentID(domain.Obligation{TradeID: tradeID, LCID: "LC1", PresentationID: "P1"})
	if p := waitRaised(t, ctx, svc, id); p.RaisedBy != sara {
		t.Fatalf("raised by %+v, want the honour's actor", p.RaisedBy)
	}
	if p, err := svc.App.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id}); err != nil || p.Status != domain.StatusInstructed {
		t.Fatalf("release below the threshold: %v", err)
	}
	m := testenv.TradeMessages(ctx, t, brokers, "tradefin.settlement.v1", tradeID, 1)[0]
	env, err := eventbus.Decode(m)
	if err != nil {
		t.Fatal(err)
	}
	pi, ok := env.Data.(*contracts.PaymentInitiated)
	if !ok || pi.PaymentID != id || pi.Amount != ev.Amount || !domain.IsUUIDv4(pi.UETR) || pi.Actor != identity.Workflow.Stamp() {
		t.Fatalf("first settlement event of the trade: %s %+v", env.Type, env.Data)
	}
}

// TestConflictingHonourThroughKafka is the attack's regression test on the real broker: a second
// lc.honoured.v1 for a payment ID already raised, with another amount and creditor, is not
// absorbed: it lands on the poison topic with the reason, and the payment is disputed.
func TestConflictingHonourThroughKafka(t *testing.T) {
	ctx, brokers, svc := running(t)

	tradeID := "TC-" + time.Now().Format("150405.000000")
	first := honour(tradeID)
	publish(t, ctx, brokers, tradeID+"/honoured-1", first)
	id := domain.PaymentID(domain.Obligation{TradeID: tradeID, LCID: "LC1", PresentationID: "P1"})
	waitRaised(t, ctx, svc, id)

	other := first
	other.Amount, other.AdvisingBank = money.New(900_000_00, money.MustCurrency("EUR")), "OTHRGB2L"
	publish(t, ctx, brokers, tradeID+"/honoured-2", other)
	poisoned := testenv.TradeMessages(ctx, t, brokers, contracts.PoisonTopic, tradeID, 1)[0]
	reason := poisoned.Metadata.Get(middleware.ReasonForPoisonedKey)
	if poisoned.Metadata.Get(eventbus.HeaderID) != tradeID+"/honoured-2" || !strings.Contains(reason, "conflicts with recorded state") ||
		!strings.Contains(reason, "amount, advisingBank differ") {
		t.Fatalf("poisoned %s: reason %q", poisoned.Metadata.Get(eventbus.HeaderID), reason)
	}
	p := waitRaised(t, ctx, svc, id)
	if p.Obligation.Amount != first.Amount || !p.Disputed() {
		t.Fatalf("payment after the conflicting honour: %+v", p)
	}
	if _, err := svc.App.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id}); domain.KindOf(err) != domain.KindConflict {
		t.Fatalf("a disputed payment was released: %v", err)
	}
}

// TestHonourOverTheBoundsIsPoisonedAtOnce: an lc.honoured.v1 whose trade ID breaks
// contracts.CheckTradeID is refused as malformed, a permanent error: it goes to the poison topic
// with the reason without a retry, and the next honour behind it on the topic is handled.
func TestHonourOverTheBoundsIsPoisonedAtOnce(t *testing.T) {
	ctx, brokers, svc := running(t)

	tradeID := "TB-" + time.Now().Format("150405.000000")
	bad := honour(tradeID + "/" + strings.Repeat("x", contracts.MaxTradeIDLength))
	start := time.Now()
	publishKeyed(t, ctx, brokers, tradeID, tradeID+"/bad", bad) // keyed by the valid prefix, so the test finds it
	poisoned := testenv.TradeMessages(ctx, t, brokers, contracts.PoisonTopic, tradeID, 1)[0]
	reason := poisoned.Metadata.Get(middleware.ReasonForPoisonedKey)
	if poisoned.Metadata.Get(eventbus.HeaderID) != tradeID+"/bad" || !strings.Contains(reason, "malformed event") || !strings.Contains(reason, "invalid trade ID") {
		t.Fatalf("poisoned %s: reason %q", poisoned.Metadata.Get(eventbus.HeaderID), reason)
	}
	// The router's retries back off from 100 ms to 2 s five times (~6 s): a permanent error skips them.
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the malformed honour took %s to reach the poison topic: it was retried", took)
	}
	good := bad
	good.TradeID = tradeID
	publish(t, ctx, brokers, tradeID+"/good", good)
	waitRaised(t, ctx, svc, domain.PaymentID(domain.Obligation{TradeID: tradeID, LCID: "LC1", PresentationID: "P1"}))
}

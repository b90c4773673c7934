package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/kafkapubsub"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
	"github.com/tradefin/tradefin/services/settlement/service"
)

// TestHonouredThroughKafka: lc.honoured.v1 published on the real broker raises the payment, and
// instructing it sends settlement.payment-initiated.v1 out through the outbox to Kafka.
func TestHonouredThroughKafka(t *testing.T) {
	brokers := testenv.KafkaBrokers(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	svc, err := service.New(ctx, service.Config{DataDir: t.TempDir(), KafkaBrokers: brokers, KafkaSASL: testenv.KafkaSASL(t), Log: nil})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() }) // after the background work stops (cleanups run last first)
	testenv.Background(t, svc.Run)

	tradeID := "T-" + time.Now().Format("150405.000000")
	ev := contracts.LCHonoured{TradeID: tradeID, LCID: "LC1", PresentationID: "P1", Amount: money.New(250000, money.MustCurrency("EUR")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF", Beneficiary: "ACME"}
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	msg, topic, err := contracts.Encode(ctx, "/tradefin/lc", tradeID, "", ev)
	if err != nil {
		t.Fatal(err)
	}
	if err := pub.Publish(topic, msg); err != nil {
		t.Fatal(err)
	}
	id := domain.PaymentID(domain.Obligation{TradeID: tradeID, LCID: "LC1", PresentationID: "P1"})
	var p *domain.Payment
	for p == nil {
		if p, err = svc.App.Queries.Payment.Handle(ctx, id); err != nil && domain.KindOf(err) != domain.KindNotFound {
			t.Fatal(err)
		}
		if ctx.Err() != nil {
			t.Fatal("payment not raised from the Kafka event")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, _, err := svc.App.Commands.Instruct.Handle(ctx, id); err != nil {
		t.Fatal(err)
	}
	m := testenv.TradeMessages(ctx, t, brokers, "tradefin.settlement.v1", tradeID, 1)[0]
	env, err := contracts.Decode(m)
	if err != nil {
		t.Fatal(err)
	}
	pi, ok := env.Data.(*contracts.PaymentInitiated)
	if !ok || pi.PaymentID != id || pi.Amount != ev.Amount || !domain.IsUUIDv4(pi.UETR) {
		t.Fatalf("first settlement event of the trade: %s %+v", env.Type, env.Data)
	}
}

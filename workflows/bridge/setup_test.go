package bridge_test

import (
	"context"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/workflows/bridge"
	"github.com/tradefin/tradefin/workflows/trade"
)

// running is a bridge between the test stack's broker and Temporal server, with a trade worker
// and a publisher: what each bridge test starts from. All of it stops when the test ends.
type running struct {
	ctx context.Context // ends with the test, or after two minutes
	c   client.Client
	pub *kafkapubsub.Publisher
}

func startBridge(t *testing.T, b bridge.Bridge) running {
	t.Helper()
	brokers := testenv.KafkaBrokers(t)
	c, err := client.Dial(client.Options{HostPort: testenv.TemporalAddress(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	w := worker.New(c, trade.TaskQueue, worker.Options{})
	w.RegisterWorkflow(trade.Workflow)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	b.Temporal = c
	go func() { _ = b.Run(ctx, brokers, testenv.KafkaSASL(t)) }()
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pub.Close() })
	return running{ctx: ctx, c: c, pub: pub}
}

// Package lifecycle_test runs a service's process lifecycle (events/platform) against real
// components: a broker process that starts late, and processes whose background work fails.
package lifecycle_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/deploy/devstack/testenv/brokerprocess"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform"
)

// childEnv makes the test binary a service process whose background work fails as it names.
const childEnv = "TRADEFIN_LIFECYCLE_CHILD"

func TestMain(m *testing.M) {
	if how := os.Getenv(childEnv); how != "" {
		platform.Main("lifecycle-child", func(ctx context.Context) error {
			rt, err := platform.Start(ctx, "lifecycle-child", os.Getenv("TRADEFIN_HTTP_ADDR"))
			if err != nil {
				return err
			}
			return rt.ServeService(ctx, http.NotFoundHandler(), func(ctx context.Context) error {
				if how == "permanent" {
					return platform.Permanent(errors.New("the outbox table is missing"))
				}
				return nil // "stops": background work that ends while the process should run
			})
		})
		return
	}
	os.Exit(m.Run())
}

// serviceEnv points a process at the stack's Temporal and identity provider, the given broker
// and a free HTTP port, which it returns.
func serviceEnv(t *testing.T, broker string, auth kafkapubsub.SASL) (env []string, addr string) {
	addr = fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t))
	return []string{"TRADEFIN_HTTP_ADDR=" + addr, "TRADEFIN_KAFKA_BROKERS=" + broker,
		"TRADEFIN_KAFKA_USER=" + auth.User, "TRADEFIN_KAFKA_PASSWORD=" + auth.Password, "TRADEFIN_KAFKA_SASL_MECHANISM=" + auth.Mechanism,
		"TRADEFIN_TEMPORAL_ADDRESS=" + testenv.TemporalAddress(t), "TRADEFIN_OIDC_ISSUER=" + testenv.OIDCIssuer(t),
		"TRADEFIN_DATA_DIR=" + t.TempDir()}, addr
}

// readiness is /readyz's status and its checks.
func readiness(addr string) (int, map[string]string) {
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	var body struct{ Checks map[string]string }
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body.Checks
}

// TestBackgroundWaitsForKafka: a service starts while its broker is down. Its background work
// (outbox forwarder, a consumer) used to end with one log line while the API answered; now it
// is retried, /readyz answers 503 naming it, and once the broker is up the process becomes ready,
// forwards its outbox and consumes.
func TestBackgroundWaitsForKafka(t *testing.T) {
	testenv.NeedsComponent(t, "a Kafka-protocol broker process that starts late")
	broker := brokerprocess.New(t) // built, not started
	auth := broker.Creds.SASL("tests")
	env, addr := serviceEnv(t, broker.Addr, auth)
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	store, err := sqlstore.OpenSQLite(ctx, filepath.Join(t.TempDir(), "svc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	outTopic, inTopic := "lifecycle-out-"+watermill.NewShortUUID(), "lifecycle-in-"+watermill.NewShortUUID()
	outID := watermill.NewUUID()
	if _, err := store.Append(ctx, "s-1", eventstore.ExpectNoStream, []eventstore.NewEvent{{ID: watermill.NewUUID(), Type: "svc.Done", Data: []byte(`{}`)}},
		eventstore.OutboxMessage{ID: outID, Topic: outTopic, Key: "T-1", Payload: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	consumed := make(chan string, 1)
	consumer := func(ctx context.Context, pub *kafkapubsub.Publisher) error {
		sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: []string{broker.Addr}, SASL: auth, ConsumerGroup: "lifecycle", SessionTimeout: time.Second}, nil)
		if err != nil {
			return err
		}
		defer sub.Close()
		r, err := eventbus.NewRouter(watermill.NopLogger{}, pub)
		if err != nil {
			return err
		}
		r.AddConsumerHandler("lifecycle", inTopic, sub, func(m *message.Message) error { consumed <- m.UUID; return nil })
		return r.Run(ctx)
	}
	rt, err := platform.Start(ctx, "lifecycle", addr)
	if err != nil {
		t.Fatal(err)
	}
	bg := platform.Background{Store: store, KafkaBrokers: []string{broker.Addr}, KafkaSASL: auth, Log: rt.Log}
	served := make(chan error, 1)
	svcCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		served <- rt.ServeService(svcCtx, http.NotFoundHandler(), func(ctx context.Context) error { return bg.Run(ctx, consumer) })
	}()

	// 1. Broker down: not ready, and the background work is what it names.
	deadline := time.Now().Add(30 * time.Second)
	for {
		status, checks := readiness(addr)
		if status == http.StatusServiceUnavailable && checks["background"] != "" && checks["background"] != "ok" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("with the broker down /readyz says %d %v; want 503 with the background work failing", status, checks)
		}
		time.Sleep(200 * time.Millisecond)
	}
	// 2. Broker up: ready, the outbox leaves and the consumer consumes.
	time.Sleep(2 * time.Second) // the background keeps retrying meanwhile
	broker.Restart(t)
	deadline = time.Now().Add(90 * time.Second)
	for {
		status, checks := readiness(addr)
		if status == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("broker up for 90 s, /readyz still %d %v", status, checks)
		}
		time.Sleep(300 * time.Millisecond)
	}
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: []string{broker.Addr}, SASL: auth})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	in := message.NewMessage(watermill.NewUUID(), []byte(`{}`))
	if err := pub.Publish(inTopic, in); err != nil {
		t.Fatal(err)
	}
	select {
	case id := <-consumed:
		if id != in.UUID {
			t.Fatalf("consumed %s", id)
		}
	case <-ctx.Done():
		t.Fatal("the consumer never consumed after the broker came up")
	}
	for {
		if p, err := store.PendingOutbox(ctx, 10); err == nil && len(p) == 0 {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("the outbox message never left after the broker came up")
		}
		time.Sleep(200 * time.Millisecond)
	}
	stop()
	if err := <-served; err != nil {
		t.Fatalf("service ended with %v, want nil after its context ended", err)
	}
}

// TestFailedBackgroundEndsTheProcess: background work that fails permanently, or stops while the
// process should run, ends the process non-zero with one readable line, API and all, so its
// supervisor restarts it (it used to log and keep answering).
func TestFailedBackgroundEndsTheProcess(t *testing.T) {
	for how, want := range map[string]string{"permanent": "the outbox table is missing", "stops": "background stopped"} {
		t.Run(how, func(t *testing.T) {
			env, _ := serviceEnv(t, testenv.KafkaBrokers(t)[0], testenv.KafkaSASL(t))
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(append(os.Environ(), env...), childEnv+"="+how)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			done := make(chan error, 1)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != 1 {
					t.Fatalf("process ended with %v, want exit status 1", err)
				}
			case <-time.After(time.Minute):
				_ = cmd.Process.Kill()
				t.Fatal("the process kept running after its background work failed")
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, "lifecycle-child: ") || !strings.Contains(last, want) {
				t.Fatalf("last line %q, want lifecycle-child: ...%s", last, want)
			}
		})
	}
}

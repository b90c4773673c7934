package kafkabroker_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// brokerLog records what the broker says about the connections it closes.
type brokerLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *brokerLog) Logf(_ kfake.LogLevel, msg string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(msg, args...))
}

// waitFor returns once the broker logged a line containing want.
func (l *brokerLog) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		l.mu.Lock()
		for _, line := range l.lines {
			if strings.Contains(line, want) {
				l.mu.Unlock()
				return
			}
		}
		l.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the broker never logged %q", want)
}

// start runs the broker as the stack does (SASL/SCRAM-SHA-512 and the ACL policy), in this
// process so the test can read the broker's own account of each refusal.
func start(t *testing.T) (addr string, creds kafkabroker.Credentials, log *brokerLog) {
	t.Helper()
	creds, err := kafkabroker.Generate()
	if err != nil {
		t.Fatal(err)
	}
	log = &brokerLog{}
	c, err := kafkabroker.Start(kafkabroker.Options{Partitions: 1, Credentials: &creds, Logger: log, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c.ListenAddrs()[0], creds, log
}

// metadata dials with mechanism (nil: no SASL) and asks for the broker list.
func metadata(addr string, m sasl.Mechanism) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := (&kafka.Dialer{Timeout: 5 * time.Second, SASLMechanism: m}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Brokers()
	return err
}

// oauthBearer is a mechanism the broker does not offer.
type oauthBearer struct{}

func (oauthBearer) Name() string { return "OAUTHBEARER" }
func (oauthBearer) Start(context.Context) (sasl.StateMachine, []byte, error) {
	return nil, []byte("n,,\x01auth=Bearer x\x01\x01"), nil
}

// TestBrokerRefusesClientsThatDoNotAuthenticate: only SCRAM-SHA-512 with a principal's own
// password gets a request served. Each refusal is asserted on both sides: what the client gets,
// and what the broker says it did.
func TestBrokerRefusesClientsThatDoNotAuthenticate(t *testing.T) {
	addr, creds, log := start(t)
	tests := creds.Passwords["tests"]
	scramMech := func(algo scram.Algorithm, user, pass string) sasl.Mechanism {
		m, err := scram.Mechanism(algo, user, pass)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}

	t.Run("the principal's own password over SCRAM-SHA-512 is served", func(t *testing.T) {
		if err := metadata(addr, scramMech(scram.SHA512, "tests", tests)); err != nil {
			t.Fatalf("authenticated metadata request failed: %v", err)
		}
	})
	t.Run("no credentials: the first request past ApiVersions closes the connection", func(t *testing.T) {
		err := metadata(addr, nil)
		if err == nil {
			t.Fatal("an anonymous client was served")
		}
		log.waitFor(t, "not allowed given SASL state")
	})
	refused := []struct {
		name, brokerSays string
		mech             sasl.Mechanism
	}{
		{"a wrong password", "invalid password", scramMech(scram.SHA512, "tests", tests+"x")},
		{"an unknown user", "invalid sasl", scramMech(scram.SHA512, "mallory", tests)},
		{"the right password over SCRAM-SHA-256", "invalid sasl", scramMech(scram.SHA256, "tests", tests)},
		{"the right password over PLAIN", "invalid sasl", plain.Mechanism{Username: "tests", Password: tests}},
	}
	for _, tc := range refused {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			err := metadata(addr, tc.mech)
			if err == nil {
				t.Fatal("served")
			}
			if !strings.Contains(err.Error(), "could not successfully authenticate") {
				t.Errorf("client error %q: want the SASL exchange to fail", err)
			}
			log.waitFor(t, tc.brokerSays)
		})
	}
	t.Run("a mechanism the broker does not offer gets UNSUPPORTED_SASL_MECHANISM", func(t *testing.T) {
		err := metadata(addr, oauthBearer{})
		if !errors.Is(err, kafka.UnsupportedSASLMechanism) {
			t.Fatalf("got %v, want the broker's UnsupportedSASLMechanism (33)", err)
		}
	})
	t.Run("the admin's password is not the tests principal's", func(t *testing.T) {
		if err := metadata(addr, scramMech(scram.SHA512, kafkabroker.Admin, tests)); err == nil {
			t.Fatal("the admin authenticated with another principal's password")
		}
	})
}

// TestKafkapubsubRefusesHalfSetCredentials: a client never connects with half its credentials.
func TestKafkapubsubRefusesHalfSetCredentials(t *testing.T) {
	for _, auth := range []kafkapubsub.SASL{{User: "lc"}, {Password: "secret"}, {Mechanism: "PLAIN", User: "lc", Password: "x"}} {
		if _, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: []string{"127.0.0.1:1"}, SASL: auth}); err == nil {
			t.Errorf("publisher accepted %+v", auth)
		}
		if _, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: []string{"127.0.0.1:1"}, SASL: auth}, nil); err == nil {
			t.Errorf("subscriber accepted %+v", auth)
		}
	}
}

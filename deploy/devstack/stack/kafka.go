package stack

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// Kafka is the Kafka-protocol broker (kfake) as a process with a data directory, so messages
// and committed offsets survive `make stop` / `make run`. It requires SASL/SCRAM-SHA-512: every
// process of the stack authenticates as its own principal, with the password generated once per
// profile into kafka-credentials.json.
type Kafka struct{ p Profile }

// TestsPrincipal is the principal of whatever runs outside the stack's own processes with the
// stack's environment: tests, benchmarks, `make e2e`, a shell after `eval "$(make -s env)"`.
const TestsPrincipal = "tests"

func (k Kafka) Name() string    { return "kafka" }
func (k Kafka) Address() string { return k.p.Addr(offKafka) }
func (k Kafka) Log() string     { return k.p.Path("logs", "kafka.log") }
func (k Kafka) pidFile() string { return k.p.Path("pids", "kafka.pid") }

// CredentialsFile holds every principal's password (mode 0600; .run is git-ignored).
func (k Kafka) CredentialsFile() string { return k.p.Path("kafka-credentials.json") }

func (k Kafka) Start(ctx context.Context) error {
	if _, ok := proc.Running(k.pidFile()); ok {
		return nil
	}
	if _, err := kafkabroker.LoadOrCreate(k.CredentialsFile()); err != nil {
		return err
	}
	bin, err := buildBinary(ctx, k.p, "deploy/devstack/cmd/kafkabroker", "kafkabroker")
	if err != nil {
		return err
	}
	_, err = proc.Start(proc.Spec{
		Name: "kafka", Path: bin, LogFile: k.Log(), PIDFile: k.pidFile(), Listen: []string{k.Address()},
		Args: []string{"-port", strconv.Itoa(k.p.Port(offKafka)), "-data", k.p.Path("data", "kafka"), "-partitions", "4",
			"-credentials", k.CredentialsFile()},
	})
	return err
}

// Ready waits for the port, then for an authenticated metadata request as the tests principal:
// the broker is up, requires SASL and knows this profile's credentials.
func (k Kafka) Ready(ctx context.Context) error {
	if err := proc.WaitTCP(ctx, k.Address()); err != nil {
		return err
	}
	creds, err := kafkabroker.Load(k.CredentialsFile())
	if err != nil {
		return err
	}
	dialer, err := creds.SASL(TestsPrincipal).Dialer()
	if err != nil {
		return err
	}
	return proc.Poll(ctx, 100*time.Millisecond, func(ctx context.Context) error {
		conn, err := dialer.DialContext(ctx, "tcp", k.Address())
		if err != nil {
			return fmt.Errorf("authenticate as %s: %w", TestsPrincipal, err)
		}
		defer conn.Close()
		_, err = conn.Brokers()
		return err
	})
}

func (k Kafka) Stop() error { return proc.Stop(k.pidFile(), 10*time.Second) }

// principalEnv is the environment that makes a process authenticate as principal; empty for a
// process that is no principal of the broker (it uses no Kafka). Without a readable credentials
// file the password is left out, so the process's configuration check names the problem (a
// user without a password) instead of connecting anonymously.
func (k Kafka) principalEnv(principal string) map[string]string {
	if !slices.Contains(kafkabroker.Principals(), principal) || principal == kafkabroker.Admin {
		return nil
	}
	env := map[string]string{
		"TRADEFIN_KAFKA_SASL_MECHANISM": kafkabroker.Mechanism,
		"TRADEFIN_KAFKA_USER":           principal,
	}
	if creds, err := kafkabroker.Load(k.CredentialsFile()); err == nil {
		env["TRADEFIN_KAFKA_PASSWORD"] = creds.Passwords[principal]
	}
	return env
}

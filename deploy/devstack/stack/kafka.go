package stack

import (
	"context"
	"strconv"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// Kafka is the Kafka-protocol broker (kfake) as a process with a data directory, so messages
// and committed offsets survive `make stop` / `make run`.
type Kafka struct{ p Profile }

func (k Kafka) Name() string    { return "kafka" }
func (k Kafka) Address() string { return k.p.Addr(offKafka) }
func (k Kafka) Log() string     { return k.p.Path("logs", "kafka.log") }
func (k Kafka) pidFile() string { return k.p.Path("pids", "kafka.pid") }

func (k Kafka) Start(ctx context.Context) error {
	if _, ok := proc.Running(k.pidFile()); ok {
		return nil
	}
	bin, err := buildBinary(ctx, k.p, "deploy/devstack/cmd/kafkabroker", "kafkabroker")
	if err != nil {
		return err
	}
	_, err = proc.Start(proc.Spec{
		Name: "kafka", Path: bin, LogFile: k.Log(), PIDFile: k.pidFile(), Listen: []string{k.Address()},
		Args: []string{"-port", strconv.Itoa(k.p.Port(offKafka)), "-data", k.p.Path("data", "kafka"), "-partitions", "4"},
	})
	return err
}

func (k Kafka) Ready(ctx context.Context) error { return proc.WaitTCP(ctx, k.Address()) }

func (k Kafka) Stop() error { return proc.Stop(k.pidFile(), 10*time.Second) }

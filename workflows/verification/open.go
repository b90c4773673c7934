package verification

import (
	"fmt"
	"log/slog"

	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/platform"
)

// Open builds the sources from the process's TRADEFIN_* environment, as every process reads it
// (platform.LoadCommon: Kafka brokers and principal, Temporal, the Fabric network description),
// plus the services' stores of ServiceDSNsFromEnv. Close the returned sources when done.
func Open(log *slog.Logger) (Sources, func(), error) {
	cfg := platform.LoadCommon("tradectl", "")
	network, err := ledger.LoadNetwork(cfg.FabricNetwork)
	if err != nil {
		return Sources{}, nil, err
	}
	peers, err := ConnectPeers(network)
	if err != nil {
		return Sources{}, nil, err
	}
	tc, err := client.Dial(client.Options{HostPort: cfg.TemporalAddress, Namespace: cfg.TemporalNamespace, Logger: tlog.NewStructuredLogger(log)})
	if err != nil {
		peers.Close()
		return Sources{}, nil, fmt.Errorf("temporal %s: %w", cfg.TemporalAddress, err)
	}
	s := Sources{Temporal: tc, KafkaBrokers: cfg.KafkaBrokers, KafkaSASL: cfg.KafkaSASL, Peers: peers, ServiceDSNs: ServiceDSNsFromEnv()}
	return s, func() { tc.Close(); peers.Close() }, nil
}

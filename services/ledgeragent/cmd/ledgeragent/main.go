// Command ledgeragent runs one organisation's ledger agent: the only process holding that
// organisation's Fabric key. It serves the organisation's ledger task queue and signs a milestone
// only when it stands for a real event of the organisation, published on Kafka.
//
//	TRADEFIN_LEDGER_MSP    the organisation (ImporterBankMSP, ExporterBankMSP or CustomsMSP)
//	TRADEFIN_LEDGER_CERT   its Fabric identity's certificate (PEM file)
//	TRADEFIN_LEDGER_KEY    its Fabric identity's private key (PEM file)
//
// plus the platform's TRADEFIN_FABRIC_NETWORK (peer address and TLS CA), TRADEFIN_KAFKA_BROKERS,
// TRADEFIN_TEMPORAL_ADDRESS, TRADEFIN_DATA_DIR or TRADEFIN_POSTGRES_DSN (the index) and
// TRADEFIN_HTTP_ADDR (/healthz and /readyz).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/ledgeragent/adapters"
	"github.com/tradefin/tradefin/services/ledgeragent/service"
)

// defaultHTTP is each organisation's health address under `make run`'s dev profile.
var defaultHTTP = map[string]string{
	"ImporterBankMSP": "127.0.0.1:20821",
	"ExporterBankMSP": "127.0.0.1:20822",
	"CustomsMSP":      "127.0.0.1:20823",
}

func main() {
	msp := strings.TrimSpace(os.Getenv("TRADEFIN_LEDGER_MSP"))
	name := service.Name(msp)
	platform.Main(name, func(ctx context.Context) error {
		if msp == "" {
			return errors.New("TRADEFIN_LEDGER_MSP is required: the organisation this agent signs for")
		}
		rt, err := platform.Start(ctx, name, platform.Env("TRADEFIN_HTTP_ADDR", defaultHTTP[msp]))
		if err != nil {
			return err
		}
		id := ledger.Identity{Cert: platform.Env("TRADEFIN_LEDGER_CERT", ""), Key: platform.Env("TRADEFIN_LEDGER_KEY", "")}
		fabric, err := adapters.ConnectFabric(rt.Config.FabricNetwork, msp, id)
		if err != nil {
			return fmt.Errorf("%w (TRADEFIN_LEDGER_CERT, TRADEFIN_LEDGER_KEY)", err)
		}
		defer fabric.Close()
		rt.Health.Add("fabric "+msp, platform.FabricCheck(fabric))
		agent, err := service.New(ctx, service.Config{Ledger: fabric, KafkaBrokers: rt.Config.KafkaBrokers, KafkaSASL: rt.Config.KafkaSASL, Temporal: rt.Temporal,
			DataDir: rt.Config.DataDir, PostgresDSN: rt.Config.PostgresDSN, Log: rt.Log})
		if err != nil {
			return err
		}
		defer agent.Close()
		rt.Health.Add("index", func(ctx context.Context) error { _, err := agent.App.Index.Trade(ctx, "readyz"); return err })
		// The process lives or dies as one: if the agent stops, so does the health endpoint, and
		// the supervisor restarts the process. On a signal the agent stops first (its worker
		// finishing the activities it runs), then the endpoint and the runtime's connections.
		agentCtx, stopAgent := context.WithCancel(ctx)
		defer stopAgent()
		serveCtx, stopServing := context.WithCancel(context.Background())
		defer stopServing()
		ran := make(chan error, 1)
		go func() { ran <- agent.Run(agentCtx); stopServing() }()
		served := rt.Serve(serveCtx)
		stopAgent()
		return errors.Join(<-ran, served)
	})
}

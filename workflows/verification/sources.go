package verification

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// Sources are where a trade is read from for Verify.
type Sources struct {
	Temporal     client.Client
	KafkaBrokers []string
	KafkaSASL    kafkapubsub.SASL
	Peers        Peers
	// ServiceDSNs maps a service name to its PostgreSQL event store; nil leaves the services'
	// stores out of the comparison (the report's Checked says so).
	ServiceDSNs map[string]string
}

// Trade verifies one trade.
func (s Sources) Trade(ctx context.Context, tradeID string) (Report, error) {
	kafka, err := ReadKafka(ctx, s.KafkaBrokers, s.KafkaSASL)
	if err != nil {
		return Report{}, err
	}
	stores, err := s.stores(ctx, tradeID)
	if err != nil {
		return Report{}, err
	}
	return s.verify(ctx, tradeID, kafka[tradeID], stores)
}

// All verifies every trade that has an event on Kafka or in a service's store, in trade ID order.
func (s Sources) All(ctx context.Context) ([]Report, error) { return s.Trades(ctx, nil) }

// Trades verifies the trades named (nil: every trade that has an event on Kafka or in a
// service's store), in trade ID order, reading Kafka and the stores once.
func (s Sources) Trades(ctx context.Context, ids []string) ([]Report, error) {
	kafka, err := ReadKafka(ctx, s.KafkaBrokers, s.KafkaSASL)
	if err != nil {
		return nil, err
	}
	stores, err := s.stores(ctx, "")
	if err != nil {
		return nil, err
	}
	if ids == nil {
		ids = sortedKeys(kafka)
		for _, byTrade := range stores {
			for id := range byTrade {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	ids = slices.Sorted(slices.Values(ids))
	var out []Report
	for _, id := range ids {
		r, err := s.verify(ctx, id, kafka[id], stores)
		if err != nil {
			return out, fmt.Errorf("trade %s: %w", id, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// stores reads each service's store: service → trade → events (nil when none is configured).
func (s Sources) stores(ctx context.Context, tradeID string) (map[string]map[string][]Event, error) {
	if s.ServiceDSNs == nil {
		return nil, nil
	}
	out := map[string]map[string][]Event{}
	for name, dsn := range s.ServiceDSNs {
		evs, err := ReadServiceStore(ctx, dsn, tradeID)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = evs
	}
	return out, nil
}

func (s Sources) verify(ctx context.Context, tradeID string, kafka []Event, stores map[string]map[string][]Event) (Report, error) {
	in := Inputs{TradeID: tradeID, Kafka: kafka}
	if stores != nil {
		in.Services = map[string][]Event{}
		for name, byTrade := range stores {
			in.Services[name] = byTrade[tradeID]
		}
	}
	var err error
	if in.Workflow, err = ReadWorkflow(ctx, s.Temporal, tradeID); err != nil {
		return Report{}, fmt.Errorf("workflow: %w", err)
	}
	if in.Ledger, err = s.Peers.Read(ctx, tradeID); err != nil {
		return Report{}, err
	}
	return Verify(in), nil
}

// ServiceDSNsFromEnv reads TRADEFIN_VERIFY_LC_DSN, TRADEFIN_VERIFY_CUSTOMS_DSN and
// TRADEFIN_VERIFY_SETTLEMENT_DSN; nil when none is set (the stores are then not compared).
func ServiceDSNsFromEnv() map[string]string {
	var out map[string]string
	for _, name := range []string{"lc", "customs", "settlement"} {
		if dsn := os.Getenv("TRADEFIN_VERIFY_" + strings.ToUpper(name) + "_DSN"); dsn != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[name] = dsn
		}
	}
	return out
}

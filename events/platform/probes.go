package platform

import (
	"context"
	"errors"
	"fmt"

	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// KafkaCheck authenticates to a broker as the process's principal and asks it for cluster
// metadata: a broker that refuses the credentials makes the process not ready.
func KafkaCheck(brokers []string, auth kafkapubsub.SASL) Check {
	return func(ctx context.Context) error {
		dialer, err := auth.Dialer()
		if err != nil {
			return fmt.Errorf("kafka: %w", err)
		}
		var last error
		for _, b := range brokers {
			conn, err := dialer.DialContext(ctx, "tcp", b)
			if err != nil {
				last = err
				continue
			}
			defer conn.Close()
			if _, err := conn.Brokers(); err != nil {
				last = err
				continue
			}
			return nil
		}
		return fmt.Errorf("kafka %v: %w", brokers, last)
	}
}

// TemporalCheck calls the frontend's health check.
func TemporalCheck(c client.Client) Check {
	return func(ctx context.Context) error {
		_, err := c.CheckHealth(ctx, &client.CheckHealthRequest{})
		return err
	}
}

// FabricCheck evaluates the chaincode's no-op on the client's peer.
func FabricCheck(c *ledger.Client) Check {
	return func(ctx context.Context) error {
		if c == nil {
			return errors.New("fabric: not connected")
		}
		return c.Probe(ctx)
	}
}

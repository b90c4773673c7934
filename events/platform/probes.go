package platform

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/segmentio/kafka-go"
	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/ledger"
)

// KafkaCheck asks a broker for cluster metadata.
func KafkaCheck(brokers []string) Check {
	return func(ctx context.Context) error {
		var d net.Dialer
		var last error
		for _, b := range brokers {
			conn, err := (&kafka.Dialer{DialFunc: d.DialContext}).DialContext(ctx, "tcp", b)
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

package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// KafkaBrokers returns the Kafka-protocol broker addresses.
func KafkaBrokers(t testing.TB) []string {
	t.Helper()
	return strings.Split(lookup(t, "TRADEFIN_KAFKA_BROKERS"), ",")
}

// KafkaSASL returns the credentials of the tests principal, the broker's principal for tests
// (TRADEFIN_KAFKA_USER, TRADEFIN_KAFKA_PASSWORD, TRADEFIN_KAFKA_SASL_MECHANISM). Every Kafka
// client a test makes authenticates with it: the broker refuses anonymous clients.
func KafkaSASL(t testing.TB) kafkapubsub.SASL {
	t.Helper()
	auth := kafkapubsub.SASL{
		Mechanism: lookup(t, "TRADEFIN_KAFKA_SASL_MECHANISM"),
		User:      lookup(t, "TRADEFIN_KAFKA_USER"),
		Password:  lookup(t, "TRADEFIN_KAFKA_PASSWORD"),
	}
	if err := auth.Validate(); err != nil {
		t.Fatalf("testenv: Kafka credentials: %v", err)
	}
	return auth
}

// TemporalAddress returns the Temporal frontend host:port (namespace "default").
func TemporalAddress(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_TEMPORAL_ADDRESS")
}

// FabricNetwork returns the path of the Fabric network description (network.json).
func FabricNetwork(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_FABRIC_NETWORK")
}

// PostgresDSN creates a fresh database for the calling test on the stack's PostgreSQL server and
// returns its DSN; the database is dropped when the test ends. Tests never see each other's data.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := lookup(t, "TRADEFIN_POSTGRES_DSN")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("testenv: connect to PostgreSQL at %s: %v", base, err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "t_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("testenv: create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Logf("testenv: drop database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("testenv: drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("testenv: TRADEFIN_POSTGRES_DSN %q: %v", base, err)
	}
	u.Path = "/" + name
	return u.String()
}

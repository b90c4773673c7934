// Package platform holds what every tradefin process needs the same way: configuration from
// the environment, structured logs, health and readiness endpoints, and OpenTelemetry.
package platform

import (
	"os"
	"strings"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// Env returns the variable's value, or def when it is unset or empty.
func Env(key, def string) string {
	if v := strings.TrimSpace(os.Getenv(key)); v != "" {
		return v
	}
	return def
}

// Common is the configuration every service and worker shares; the defaults suit `make run`'s
// dev profile.
type Common struct {
	Service      string   // service name in logs and traces
	HTTPAddr     string   // TRADEFIN_HTTP_ADDR
	KafkaBrokers []string // TRADEFIN_KAFKA_BROKERS
	// KafkaSASL is the process's own Kafka principal: TRADEFIN_KAFKA_USER, TRADEFIN_KAFKA_PASSWORD
	// and TRADEFIN_KAFKA_SASL_MECHANISM (default SCRAM-SHA-512). Every Kafka client of the
	// process authenticates with it.
	KafkaSASL         kafkapubsub.SASL
	TemporalAddress   string // TRADEFIN_TEMPORAL_ADDRESS
	TemporalNamespace string // TRADEFIN_TEMPORAL_NAMESPACE
	FabricNetwork     string // TRADEFIN_FABRIC_NETWORK: path of network.json
	DataDir           string // TRADEFIN_DATA_DIR: where SQLite databases live
	PostgresDSN       string // TRADEFIN_POSTGRES_DSN: when set, services use PostgreSQL
	OIDCIssuer        string // TRADEFIN_OIDC_ISSUER: whose access tokens the API accepts
	OIDCAudience      string // TRADEFIN_OIDC_AUDIENCE: the audience they must name
	OIDCLeeway        string // TRADEFIN_OIDC_LEEWAY: clock skew tolerated on expiry (Go duration)
}

// LoadCommon reads the shared configuration for service, with defaultHTTP as its listen address.
func LoadCommon(service, defaultHTTP string) Common {
	return Common{
		Service:           service,
		HTTPAddr:          Env("TRADEFIN_HTTP_ADDR", defaultHTTP),
		KafkaBrokers:      strings.Split(Env("TRADEFIN_KAFKA_BROKERS", "127.0.0.1:20092"), ","),
		KafkaSASL:         KafkaSASLFromEnv(),
		TemporalAddress:   Env("TRADEFIN_TEMPORAL_ADDRESS", "127.0.0.1:20233"),
		TemporalNamespace: Env("TRADEFIN_TEMPORAL_NAMESPACE", "default"),
		FabricNetwork:     Env("TRADEFIN_FABRIC_NETWORK", ".run/dev/fabric/network.json"),
		DataDir:           Env("TRADEFIN_DATA_DIR", ".run/dev/data/"+service),
		PostgresDSN:       Env("TRADEFIN_POSTGRES_DSN", ""),
		OIDCIssuer:        Env("TRADEFIN_OIDC_ISSUER", ""),
		OIDCAudience:      Env("TRADEFIN_OIDC_AUDIENCE", "tradefin"),
		OIDCLeeway:        Env("TRADEFIN_OIDC_LEEWAY", "30s"),
	}
}

// KafkaSASLFromEnv reads the process's Kafka principal from TRADEFIN_KAFKA_USER,
// TRADEFIN_KAFKA_PASSWORD and TRADEFIN_KAFKA_SASL_MECHANISM (default SCRAM-SHA-512). The
// password is taken as it is, spaces included; Validate refuses half-set credentials.
func KafkaSASLFromEnv() kafkapubsub.SASL {
	return kafkapubsub.SASL{
		Mechanism: Env("TRADEFIN_KAFKA_SASL_MECHANISM", kafkapubsub.ScramSHA512),
		User:      Env("TRADEFIN_KAFKA_USER", ""),
		Password:  os.Getenv("TRADEFIN_KAFKA_PASSWORD"),
	}
}

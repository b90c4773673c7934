package kafkapubsub

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/scram"
)

// SASL mechanisms a client may use. Only SCRAM: the password never crosses the wire (PLAIN
// would send it in clear on a plaintext listener), and the broker stores only salted keys.
const (
	ScramSHA512 = "SCRAM-SHA-512" // the default
	ScramSHA256 = "SCRAM-SHA-256"
)

// Bounds on credentials: Kafka principals are short names; a password of a few hundred bytes is
// already far beyond any generated one.
const (
	maxUserLen     = 255
	maxPasswordLen = 1024
)

// SASL is how a client authenticates to the broker, as one principal (one per process). The
// zero value connects without authentication, which a broker requiring SASL refuses.
type SASL struct {
	Mechanism string // ScramSHA512 when empty
	User      string
	Password  string
}

// Enabled reports whether credentials are configured.
func (s SASL) Enabled() bool { return s.User != "" || s.Password != "" }

// Validate refuses half-set credentials (a user without a password or the reverse), an unknown
// mechanism and unbounded or unprintable values.
func (s SASL) Validate() error {
	var errs []error
	switch s.Mechanism {
	case "", ScramSHA512, ScramSHA256:
	default:
		errs = append(errs, fmt.Errorf("sasl mechanism %q: want %s or %s", s.Mechanism, ScramSHA512, ScramSHA256))
	}
	switch {
	case s.User != "" && s.Password == "":
		errs = append(errs, fmt.Errorf("sasl user %q has no password", s.User))
	case s.User == "" && s.Password != "":
		errs = append(errs, errors.New("sasl password set without a user"))
	}
	if len(s.User) > maxUserLen || strings.IndexFunc(s.User, notPrintable) >= 0 {
		errs = append(errs, fmt.Errorf("sasl user must be at most %d printable characters", maxUserLen))
	}
	if len(s.Password) > maxPasswordLen || strings.IndexFunc(s.Password, notPrintable) >= 0 {
		errs = append(errs, fmt.Errorf("sasl password must be at most %d printable characters", maxPasswordLen))
	}
	return errors.Join(errs...)
}

func notPrintable(r rune) bool { return !unicode.IsPrint(r) }

// mechanism is the kafka-go SASL mechanism for the credentials, nil when none are set.
func (s SASL) mechanism() (sasl.Mechanism, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if !s.Enabled() {
		return nil, nil
	}
	algo := scram.SHA512
	if s.Mechanism == ScramSHA256 {
		algo = scram.SHA256
	}
	return scram.Mechanism(algo, s.User, s.Password)
}

// Dialer returns a kafka-go Dialer that authenticates every connection it opens (kafka.Conn,
// kafka.Reader and its consumer-group coordination).
func (s SASL) Dialer() (*kafka.Dialer, error) {
	m, err := s.mechanism()
	if err != nil {
		return nil, err
	}
	// kafka-go's DefaultDialer, plus the mechanism.
	return &kafka.Dialer{Timeout: 10 * time.Second, DualStack: true, SASLMechanism: m}, nil
}

// Transport returns a kafka-go Transport (for kafka.Writer and kafka.Client) that authenticates
// every connection it opens. Each call returns a new Transport with its own metadata cache.
func (s SASL) Transport() (*kafka.Transport, error) {
	m, err := s.mechanism()
	if err != nil {
		return nil, err
	}
	return &kafka.Transport{SASL: m}, nil
}

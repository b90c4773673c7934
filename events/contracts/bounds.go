package contracts

import (
	"errors"
	"fmt"
	"regexp"
)

// Bounds every producer and consumer applies, so one oversized or malformed value is refused
// where it enters instead of stalling a queue downstream: an outbox message over Kafka's
// 1 MiB limit, a Temporal workflow ID over its 1000 characters.
const (
	// MaxTradeIDLength bounds a trade ID: it is a Kafka key, part of a Temporal workflow ID
	// ("trade-" + ID) and a Fabric key.
	MaxTradeIDLength = 64
	// MaxMessageBytes bounds one integration event's JSON: far below Kafka's default 1 MiB
	// message.max.bytes, with room for headers.
	MaxMessageBytes = 256 << 10
)

// tradeIDPattern: letters, digits and . _ - after a letter or digit; no spaces, slashes or
// control characters, so the ID is safe in a URL path, a Fabric composite key and a log line.
var tradeIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// ErrBadTradeID: a trade ID breaks the bounds above. Permanent: a consumer refuses (poisons)
// such a message rather than retrying it.
var ErrBadTradeID = errors.New("invalid trade ID")

// CheckTradeID returns nil when id is a valid trade ID, else an error wrapping ErrBadTradeID
// that says why (its text is fit for a problem detail).
func CheckTradeID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%w: empty", ErrBadTradeID)
	case len(id) > MaxTradeIDLength:
		return fmt.Errorf("%w: %d characters, at most %d", ErrBadTradeID, len(id), MaxTradeIDLength)
	case !tradeIDPattern.MatchString(id):
		return fmt.Errorf("%w: only letters, digits, '.', '_' and '-', starting with a letter or digit", ErrBadTradeID)
	}
	return nil
}

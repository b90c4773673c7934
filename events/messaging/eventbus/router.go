package eventbus

import (
	"math"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"

	"github.com/tradefin/tradefin/events/messaging/tracing"
)

// Retry backoff of a transient handler error: quick at first, then every MaxRetryInterval, for
// as long as it takes (a database or ledger outage must delay a message, never lose it).
const (
	FirstRetryInterval = 100 * time.Millisecond
	MaxRetryInterval   = 10 * time.Second
)

// NewRouter returns a Watermill router with the middleware every consumer needs, outermost
// first: the poison queue (a message that can never be handled — IsPermanent — goes to
// contracts.PoisonTopic with its reason and origin, and the partition moves on), tracing,
// correlation IDs, the size bound, retries with backoff and no limit for transient errors (the
// partition waits for the outage to end, in order), and panic recovery (a panic becomes an error
// that IsPermanent poisons).
func NewRouter(logger watermill.LoggerAdapter, poisonPublisher message.Publisher) (*message.Router, error) {
	r, err := message.NewRouter(message.RouterConfig{CloseTimeout: 10 * time.Second}, logger)
	if err != nil {
		return nil, err
	}
	r.AddMiddleware(
		poisonQueue(poisonPublisher, time.Now),
		tracing.Middleware,
		middleware.CorrelationID,
		refuseOversized,
		middleware.Retry{
			MaxRetries:          math.MaxInt32, // until it passes, or the router stops
			InitialInterval:     FirstRetryInterval,
			MaxInterval:         MaxRetryInterval,
			Multiplier:          2,
			RandomizationFactor: 0.2,
			ShouldRetry:         func(p middleware.RetryParams) bool { return !IsPermanent(p.Err) },
			Logger:              logger,
		}.Middleware,
		middleware.Recoverer,
	)
	return r, nil
}

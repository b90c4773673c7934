package eventbus

import (
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/tracing"
)

// NewRouter returns a Watermill router with the middleware every consumer needs, outermost
// first: a poison queue (a message that still fails after retries, or fails permanently, goes
// to contracts.PoisonTopic and the partition moves on instead of stalling), tracing, correlation IDs,
// retries with backoff for transient errors, and panic recovery (a panic becomes an error).
func NewRouter(logger watermill.LoggerAdapter, poisonPublisher message.Publisher) (*message.Router, error) {
	r, err := message.NewRouter(message.RouterConfig{CloseTimeout: 10 * time.Second}, logger)
	if err != nil {
		return nil, err
	}
	poison, err := middleware.PoisonQueue(poisonPublisher, contracts.PoisonTopic)
	if err != nil {
		return nil, err
	}
	r.AddMiddleware(
		poison,
		tracing.Middleware,
		middleware.CorrelationID,
		middleware.Retry{
			MaxRetries:      5,
			InitialInterval: 100 * time.Millisecond,
			MaxInterval:     2 * time.Second,
			Multiplier:      2,
			ShouldRetry:     func(p middleware.RetryParams) bool { return !IsPermanent(p.Err) },
			Logger:          logger,
		}.Middleware,
		middleware.Recoverer,
	)
	return r, nil
}

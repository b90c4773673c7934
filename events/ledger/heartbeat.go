package ledger

import (
	"context"
	"time"

	"go.temporal.io/sdk/activity"
)

// HeartbeatTimeout is how long the trade workflow's ledger activities may go without a
// heartbeat. A commit is held by the process that took it: when that process dies (a ledger
// agent killed -9, a worker's host lost), nothing answers, and without heartbeats Temporal
// retries only after the attempt's start-to-close timeout, a minute of each trade in flight
// lost to a few seconds' outage. With them the attempt is retried this long after the death,
// while a slow but living commit (a loaded orderer) keeps its attempt.
const HeartbeatTimeout = 10 * time.Second

// heartbeatEvery is well inside HeartbeatTimeout; the SDK throttles what it sends to the server.
const heartbeatEvery = HeartbeatTimeout / 4

// Heartbeating runs do while heartbeating the activity of ctx, so the attempt lives exactly as
// long as the process doing it. Outside an activity (a test's direct call) it just runs do.
func Heartbeating[T any](ctx context.Context, do func(context.Context) (T, error)) (T, error) {
	return heartbeatingEvery(ctx, heartbeatEvery, do)
}

// heartbeatingEvery is Heartbeating with its interval given: the test beats in milliseconds.
func heartbeatingEvery[T any](ctx context.Context, every time.Duration, do func(context.Context) (T, error)) (T, error) {
	if !activity.IsActivity(ctx) {
		return do(ctx)
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				activity.RecordHeartbeat(ctx)
			}
		}
	}()
	return do(ctx)
}

package platform

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/cenkalti/backoff/v5"
	"golang.org/x/sync/errgroup"
)

// Lifecycle runs a process's parts (its HTTP server, its background work) as one: when a part
// fails, the others are stopped and Wait returns the failure, so the process exits non-zero and
// its supervisor restarts it. A background task that only logged its death left a service
// answering 200/201 with nothing forwarding its outbox or consuming its events.
type Lifecycle struct {
	g      *errgroup.Group
	ctx    context.Context
	health *Health
	log    *slog.Logger
}

// NewLifecycle returns a lifecycle whose parts run until ctx ends or one of them fails; health,
// when set, gets a readiness check per retried part.
func NewLifecycle(ctx context.Context, health *Health, log *slog.Logger) *Lifecycle {
	g, ctx := errgroup.WithContext(ctx)
	if log == nil {
		log = slog.Default()
	}
	return &Lifecycle{g: g, ctx: ctx, health: health, log: log}
}

// Go runs part until the lifecycle ends. Its error, or its ending before the lifecycle does,
// fails the lifecycle.
func (l *Lifecycle) Go(name string, part func(ctx context.Context) error) {
	l.g.Go(func() error {
		err := part(l.ctx)
		switch {
		case l.ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled)):
			return nil // stopped because the lifecycle ends
		case err == nil:
			return fmt.Errorf("%s stopped", name)
		}
		return fmt.Errorf("%s: %w", name, err)
	})
}

// Retrying backoff: a dependency that is still starting is retried quickly, one that is down
// for long every RetryMaxInterval.
const (
	RetryFirstInterval = 200 * time.Millisecond
	RetryMaxInterval   = 30 * time.Second
	// retrySettle is how long a restarted part must run before it counts as ready again.
	retrySettle = time.Second
)

// GoRetrying runs part, and runs it again with exponential backoff each time it fails for a
// reason that may pass (a broker or Temporal not reachable yet); meanwhile the readiness check
// name reports the failure, so /readyz answers 503. A Permanent error, or part ending before the
// lifecycle does, fails the lifecycle.
func (l *Lifecycle) GoRetrying(name string, part func(ctx context.Context) error) {
	st := &retryState{}
	if l.health != nil {
		l.health.Add(name, st.check)
	}
	l.Go(name, func(ctx context.Context) error {
		b := backoff.NewExponentialBackOff()
		b.InitialInterval, b.MaxInterval = RetryFirstInterval, RetryMaxInterval
		for {
			st.started()
			err := part(ctx)
			if ctx.Err() != nil || err == nil || IsPermanent(err) {
				return err
			}
			wait := b.NextBackOff()
			st.failed(err)
			l.log.Error("background work failed; retrying", "part", name, "err", err, "retry_in", wait.Round(time.Millisecond))
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(wait):
			}
		}
	})
}

// Wait waits for every part and returns the first failure.
func (l *Lifecycle) Wait() error { return l.g.Wait() }

// retryState is a retried part's readiness: not ready from a failure until the next attempt has
// run for retrySettle.
type retryState struct {
	mu      sync.Mutex
	lastErr error
	since   time.Time // when the current attempt started; zero while waiting to retry
}

func (s *retryState) started() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.since = time.Now()
}

func (s *retryState) failed(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastErr, s.since = err, time.Time{}
}

func (s *retryState) check(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastErr != nil && (s.since.IsZero() || time.Since(s.since) < retrySettle) {
		return fmt.Errorf("restarting after: %w", s.lastErr)
	}
	return nil
}

// permanent marks an error no retry can cure (a configuration error).
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent marks err as one retrying cannot cure: GoRetrying stops and the process exits.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err}
}

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanent
	return errors.As(err, &p)
}

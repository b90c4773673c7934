package platform

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A part failing for a while is run again with backoff; its readiness check says why meanwhile
// and clears once a new attempt has settled; the lifecycle ends cleanly with its context.
func TestGoRetryingRestartsAndReportsReadiness(t *testing.T) {
	h := NewHealth()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lc := NewLifecycle(ctx, h, nil)
	var attempts atomic.Int32
	lc.GoRetrying("background", func(ctx context.Context) error {
		if attempts.Add(1) < 3 {
			return errors.New("kafka: connection refused")
		}
		<-ctx.Done()
		return nil
	})
	check := h.checks["background"]
	sawFailure := false
	deadline := time.Now().Add(10 * time.Second)
	for attempts.Load() < 3 || check(ctx) != nil {
		if err := check(ctx); err != nil && strings.Contains(err.Error(), "connection refused") {
			sawFailure = true
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %d attempts the check still says %v", attempts.Load(), check(ctx))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !sawFailure {
		t.Error("the readiness check never reported the failure")
	}
	cancel()
	if err := lc.Wait(); err != nil {
		t.Fatalf("wait = %v, want nil after the context ended", err)
	}
}

// A permanent failure, or a part that stops, fails the whole lifecycle and stops the others.
func TestLifecycleFailsAsOne(t *testing.T) {
	for name, part := range map[string]func(context.Context) error{
		"permanent": func(context.Context) error { return Permanent(errors.New("bad config")) },
		"stops":     func(context.Context) error { return nil },
	} {
		t.Run(name, func(t *testing.T) {
			lc := NewLifecycle(context.Background(), nil, nil)
			lc.GoRetrying("background", part)
			other := make(chan struct{})
			lc.Go("http", func(ctx context.Context) error { <-ctx.Done(); close(other); return nil })
			err := lc.Wait()
			if err == nil || !strings.HasPrefix(err.Error(), "background") {
				t.Fatalf("wait = %v", err)
			}
			select {
			case <-other:
			default:
				t.Fatal("the other part kept running")
			}
		})
	}
}

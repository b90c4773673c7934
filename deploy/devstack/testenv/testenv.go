// Package testenv gives integration tests the platform's real components.
//
// Under `make test` the TRADEFIN_* variables point at the test stack and are used as they are.
// A plain `go test` without them starts the test profile's stack once (under a file lock, so
// parallel test binaries share it) and leaves it running for the next run; `make stop
// PROFILE=test` stops it. A component that cannot be had fails the test: it is never skipped,
// except under `make test-unit` (TRADEFIN_UNIT=1), which runs only the tests needing none.
package testenv

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/stack"
)

var (
	startOnce sync.Once
	startEnv  map[string]string
	startErr  error
)

// lookup returns the variable from the environment, or from the test stack, started if needed.
func lookup(t testing.TB, key string) string {
	t.Helper()
	skipInUnitRun(t, "the stack's "+key)
	if v := os.Getenv(key); v != "" {
		return v
	}
	startOnce.Do(func() { startEnv, startErr = startTestStack() })
	if startErr != nil {
		t.Fatalf("testenv: %s is not set and the test stack could not be started: %v", key, startErr)
	}
	v := startEnv[key]
	if v == "" {
		t.Fatalf("testenv: the test stack provides no %s", key)
	}
	return v
}

func startTestStack() (map[string]string, error) {
	root, err := stack.RepoRoot()
	if err != nil {
		return nil, err
	}
	p, err := stack.NewProfile("test", root)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return nil, err
	}
	lock, err := os.OpenFile(p.Path("lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	tools, err := stack.Setup(ctx, func(f string, a ...any) { fmt.Fprintf(os.Stderr, "testenv: "+f+"\n", a...) })
	if err != nil {
		return nil, err
	}
	var log strings.Builder
	s := stack.New(p, tools, &log)
	if s.Status(ctx) != nil {
		fmt.Fprintf(os.Stderr, "testenv: starting the test stack in %s (it stays up; `make stop PROFILE=test` stops it)\n", p.Dir)
		log.Reset()
		if err := s.Up(ctx); err != nil {
			return nil, err
		}
	}
	return s.Env(), nil
}

// Package testenv gives integration tests the platform's real components.
//
// Under `make test` the TRADEFIN_* variables point at the test stack and are used as they are.
// A plain `go test` without them starts the test profile's stack once (under a file lock, so
// parallel test binaries share it) and leaves it running for the next run; `make stop
// PROFILE=test` stops it. A component that cannot be had fails the test: it is never skipped,
// except under `make test-unit` (TRADEFIN_UNIT=1), which runs only the tests needing none.
package testenv

import (
	"net"
	"os"
	"sync"
	"testing"
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

// FreePort returns a TCP port nothing listens on right now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

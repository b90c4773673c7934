//go:build !unit

package testenv

import (
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/stack"
)

// startTestStack starts the test profile's stack, or finds it up, and returns its variables.
func startTestStack() (map[string]string, error) {
	p, err := stack.TestProfile()
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

package stack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// Stack is a profile's components in start order.
type Stack struct {
	Profile    Profile
	Components []Component
	Out        io.Writer
}

// Up starts each component and waits for it to be ready before the next (later components
// connect to earlier ones), printing one line per component with its address. If one fails (or
// ctx ends, Ctrl-C), Up stops every component of the stack before it returns the failure: a
// failed start leaves no process behind (it used to leave Kafka, PostgreSQL, Temporal and the
// Fabric network running).
func (s *Stack) Up(ctx context.Context) error {
	start := time.Now()
	for _, c := range s.Components {
		t := time.Now()
		if err := s.startOne(ctx, c); err != nil {
			fmt.Fprintf(s.Out, "  FAILED %s; stopping the stack\n", c.Name())
			return errors.Join(err, s.Down())
		}
		fmt.Fprintf(s.Out, "  ready  %-19s %-32s (%s)\n", c.Name(), c.Address(), time.Since(t).Round(10*time.Millisecond))
	}
	fmt.Fprintf(s.Out, "stack %q ready in %s; state in %s\n", s.Profile.Name, time.Since(start).Round(100*time.Millisecond), s.Profile.Dir)
	return s.writeEnv()
}

// startOne starts c and waits until it is ready.
func (s *Stack) startOne(ctx context.Context, c Component) error {
	if err := c.Start(ctx); err != nil {
		return &Failure{Component: c.Name(), Log: c.Log(), Err: err}
	}
	rctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	if err := c.Ready(rctx); err != nil {
		return &Failure{Component: c.Name(), Log: c.Log(), Err: fmt.Errorf("not ready: %w", err)}
	}
	return nil
}

// Down stops the components in reverse order and reports every failure.
func (s *Stack) Down() error {
	var errs []error
	for i := len(s.Components) - 1; i >= 0; i-- {
		c := s.Components[i]
		if err := c.Stop(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c.Name(), err))
			continue
		}
		fmt.Fprintf(s.Out, "  stopped %s\n", c.Name())
	}
	return errors.Join(errs...)
}

// Status prints one line per component and returns an error unless all are ready.
func (s *Stack) Status(ctx context.Context) error {
	var down []string
	for _, c := range s.Components {
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := c.Ready(rctx)
		cancel()
		state := "ready"
		if err != nil {
			state, down = "DOWN", append(down, c.Name())
		}
		fmt.Fprintf(s.Out, "  %-6s %-19s %s\n", state, c.Name(), c.Address())
	}
	if len(down) > 0 {
		return fmt.Errorf("not ready: %s", strings.Join(down, ", "))
	}
	return nil
}

// Env is the environment that tells programs and tests where the components are.
func (s *Stack) Env() map[string]string {
	env := map[string]string{}
	for _, c := range s.Components {
		if e, ok := c.(interface{ Env() map[string]string }); ok {
			for k, v := range e.Env() {
				env[k] = v
			}
		}
	}
	return env
}

// EnvList is Env as KEY=VALUE lines, sorted.
func (s *Stack) EnvList() []string {
	var out []string
	for k, v := range s.Env() {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

func (s *Stack) writeEnv() error {
	var b strings.Builder
	for _, kv := range s.EnvList() {
		k, v, _ := strings.Cut(kv, "=")
		fmt.Fprintf(&b, "export %s=%q\n", k, v)
	}
	// 0600: it holds the tests principal's Kafka password.
	if err := os.WriteFile(s.Profile.Path("env"), []byte(b.String()), 0o600); err != nil {
		return err
	}
	return os.Chmod(s.Profile.Path("env"), 0o600) // an older file keeps its mode through WriteFile
}

// Only narrows the stack to the named components (comma-separated); empty keeps all.
func (s *Stack) Only(names string) (*Stack, error) {
	if names == "" {
		return s, nil
	}
	out := *s
	out.Components = nil
	for _, n := range strings.Split(names, ",") {
		found := false
		for _, c := range s.Components {
			if c.Name() == strings.TrimSpace(n) {
				out.Components, found = append(out.Components, c), true
			}
		}
		if !found {
			return nil, fmt.Errorf("no component %q", n)
		}
	}
	return &out, nil
}

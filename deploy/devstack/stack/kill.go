package stack

import (
	"context"
	"fmt"
	"slices"
	"syscall"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// WithServices is the profile's stack with tradefin's own processes (services, ledger agents,
// worker) whatever the profile: the soak runs them as processes on the test profile's platform,
// so it can kill them.
func WithServices(p Profile, t Tools, out interface{ Write([]byte) (int, error) }) *Stack {
	s := New(p, t, out)
	if p.Name != "test" {
		return s
	}
	return withServices(s)
}

// fabricProcesses are the Fabric network's processes one may kill on their own; the fabric
// component restarts whichever is not running.
var fabricProcesses = []string{"orderer", "peer0.ImporterBank", "peer0.ExporterBank", "peer0.Customs",
	"chaincode.ImporterBank", "chaincode.ExporterBank", "chaincode.Customs"}

// Processes names every process Kill can kill: each component's own, and Fabric's one by one.
func (s *Stack) Processes() []string {
	var out []string
	for _, c := range s.Components {
		if c.Name() == "fabric" {
			out = append(out, fabricProcesses...)
			continue
		}
		out = append(out, c.Name())
	}
	return out
}

// pidFile is where the process's PID is, and the component that starts it again.
func (s *Stack) pidFile(name string) (string, Component, error) {
	for _, c := range s.Components {
		switch {
		case c.Name() == "fabric" && slices.Contains(fabricProcesses, name):
			return s.Profile.Path("fabric", "pids", name+".pid"), c, nil
		case c.Name() == name:
			return s.Profile.Path("pids", name+".pid"), c, nil
		}
	}
	return "", nil, fmt.Errorf("no process %q (the stack has %v)", name, s.Processes())
}

// Kill sends SIGKILL to the process's whole process group, as a crash would end it: no
// shutdown, no flush. It returns once the process is gone.
func (s *Stack) Kill(name string) error {
	pidFile, _, err := s.pidFile(name)
	if err != nil {
		return err
	}
	pid, ok := proc.Running(pidFile)
	if !ok {
		return fmt.Errorf("%s is not running", name)
	}
	if err := syscall.Kill(-pid, syscall.SIGKILL); err != nil {
		return fmt.Errorf("kill %s (pid %d): %w", name, pid, err)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, alive := proc.Running(pidFile); !alive {
			return nil
		}
	}
	return fmt.Errorf("%s (pid %d) still runs after SIGKILL", name, pid)
}

// Restart starts the process's component again (it starts what is not running) and waits until
// it is ready, as a supervisor would, trying again twice when a start fails.
func (s *Stack) Restart(ctx context.Context, name string) error {
	pidFile, c, err := s.pidFile(name)
	if err != nil {
		return err
	}
	for attempt := 1; ; attempt++ {
		err = s.start(ctx, c)
		if _, running := proc.Running(pidFile); err == nil && !running {
			err = fmt.Errorf("%s started but is not running (pid file %s)", c.Name(), pidFile)
		}
		if err == nil || attempt == 3 || ctx.Err() != nil {
			if err != nil {
				return &Failure{Component: name, Log: c.Log(), Err: fmt.Errorf("attempt %d: %w", attempt, err)}
			}
			return nil
		}
	}
}

func (s *Stack) start(ctx context.Context, c Component) error {
	if err := c.Start(ctx); err != nil {
		return err
	}
	rctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	if err := c.Ready(rctx); err != nil {
		return fmt.Errorf("not ready after restart: %w", err)
	}
	return nil
}

// ServiceDSN is the PostgreSQL database of a stateful tradefin process.
func (s *Stack) ServiceDSN(service string) string {
	return s.Components[1].(Postgres).ServiceDSN(service)
}

// WithEnv gives the named tradefin process more environment (its own settings, e.g. the soak's
// banking calendars for lc) at every start and restart.
func (s *Stack) WithEnv(name string, kv ...string) error {
	for i, c := range s.Components {
		if svc, ok := c.(Service); ok && svc.name == name {
			base := svc.env
			svc.env = func() []string { return append(base(), kv...) }
			s.Components[i] = svc
			return nil
		}
	}
	return fmt.Errorf("no process %q of the stack takes environment", name)
}

// Running reports whether the named process (as Kill names it) is running.
func (s *Stack) Running(name string) bool {
	pidFile, _, err := s.pidFile(name)
	if err != nil {
		return false
	}
	_, ok := proc.Running(pidFile)
	return ok
}

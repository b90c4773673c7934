// Package proc starts and stops the dev stack's long-running native processes.
//
// Each process runs detached from the launcher (its own session), writes its output to a log
// file and is remembered by a PID file, so `make run` can exit while the stack keeps running
// and `make stop` can find every process again.
package proc

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Spec describes one process of the stack.
type Spec struct {
	Name    string   // component name, used in messages
	Path    string   // executable
	Args    []string // arguments
	Env     []string // extra environment (added to a clean copy of the launcher's environment)
	Dir     string   // working directory
	LogFile string   // stdout and stderr go here (appended)
	PIDFile string   // where the PID is recorded
	User    string   // run as this system user (PostgreSQL refuses to run as root); empty: as we are
	Listen  []string // addresses the process will listen on; Start refuses if one is taken
}

// Start launches the process detached and records its PID. It is an error to start a process
// whose PID file names a live process.
func Start(s Spec) (int, error) {
	if pid, ok := Running(s.PIDFile); ok {
		return pid, fmt.Errorf("%s: already running as pid %d", s.Name, pid)
	}
	for _, addr := range s.Listen {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return 0, fmt.Errorf("%s: %s is already in use by another process (another tradefin stack? `make stop` it there): %w", s.Name, addr, err)
		}
		l.Close()
	}
	for _, f := range []string{s.LogFile, s.PIDFile} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return 0, fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	log, err := os.OpenFile(s.LogFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return 0, fmt.Errorf("%s: open log: %w", s.Name, err)
	}
	defer log.Close()
	cmd := exec.Command(s.Path, s.Args...)
	cmd.Dir = s.Dir
	cmd.Env = append(os.Environ(), s.Env...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if s.User != "" {
		cred, err := Credential(s.User)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", s.Name, err)
		}
		cmd.SysProcAttr.Credential = cred
	}
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("%s: start %s: %w (log: %s)", s.Name, s.Path, err, s.LogFile)
	}
	pid := cmd.Process.Pid
	// Reap the child if it exits while the launcher still runs, so it does not linger as a zombie.
	go func() { _ = cmd.Wait() }()
	if err := os.WriteFile(s.PIDFile, []byte(strconv.Itoa(pid)+"\n"), 0o644); err != nil {
		_ = cmd.Process.Kill()
		return 0, fmt.Errorf("%s: write pid file: %w", s.Name, err)
	}
	return pid, nil
}

// Running reports the PID recorded in pidFile and whether that process is alive.
func Running(pidFile string) (int, bool) {
	b, err := os.ReadFile(pidFile)
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0, false
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return pid, false
	}
	// A zombie still answers kill(0); treat it as gone.
	if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		if f := strings.Fields(string(st)); len(f) > 2 && f[2] == "Z" {
			return pid, false
		}
	}
	return pid, true
}

// Stop sends SIGTERM to the process group recorded in pidFile, waits up to grace, then SIGKILLs
// it, and removes the PID file. Stopping a process that is not running is not an error.
func Stop(pidFile string, grace time.Duration) error {
	pid, ok := Running(pidFile)
	if !ok {
		_ = os.Remove(pidFile)
		return nil
	}
	_ = syscall.Kill(-pid, syscall.SIGTERM) // the whole session: children go too
	deadline := time.Now().Add(grace)
	for time.Now().Before(deadline) {
		if _, alive := Running(pidFile); !alive {
			return os.Remove(pidFile)
		}
		time.Sleep(50 * time.Millisecond)
	}
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	time.Sleep(100 * time.Millisecond)
	return os.Remove(pidFile)
}

// WaitTCP waits until addr accepts a TCP connection or ctx ends.
func WaitTCP(ctx context.Context, addr string) error {
	return Poll(ctx, 100*time.Millisecond, func(ctx context.Context) error {
		c, err := (&net.Dialer{Timeout: time.Second}).DialContext(ctx, "tcp", addr)
		if err != nil {
			return err
		}
		return c.Close()
	})
}

// WaitHTTP waits until a GET of url answers 200 OK or ctx ends.
func WaitHTTP(ctx context.Context, url string) error {
	return Poll(ctx, 100*time.Millisecond, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		return nil
	})
}

// Poll calls probe every interval until it returns nil or ctx ends; the last probe error is
// returned with the context's error so a timeout says what was still failing.
func Poll(ctx context.Context, interval time.Duration, probe func(context.Context) error) error {
	var last error
	for {
		if last = probe(ctx); last == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w: last probe: %v", ctx.Err(), last)
		case <-time.After(interval):
		}
	}
}

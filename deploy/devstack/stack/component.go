package stack

import (
	"context"
	"fmt"
	"os"
	"strings"
)

// Component is one process (or group of processes) of the stack.
type Component interface {
	Name() string
	// Address is what a user connects to, printed once the component is ready.
	Address() string
	// Start starts whatever is not running yet; it does not wait for readiness.
	Start(ctx context.Context) error
	// Ready returns nil once the component serves requests.
	Ready(ctx context.Context) error
	// Stop stops the component's processes; stopping a stopped component is not an error.
	Stop() error
	// Log is the file to read when the component fails.
	Log() string
}

// Failure says which component failed, why, and where its log is.
type Failure struct {
	Component string
	Log       string
	Err       error
}

func (f *Failure) Error() string {
	msg := fmt.Sprintf("%s failed: %v", f.Component, f.Err)
	if f.Log != "" {
		msg += "\n  log: " + f.Log + lastLines(f.Log, 15)
	}
	return msg
}

func (f *Failure) Unwrap() error { return f.Err }

func lastLines(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil || len(b) == 0 {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "\n  | " + strings.Join(lines, "\n  | ")
}

package stack

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// Temporal is the Temporal dev server (one process: frontend, history, matching, UI) on SQLite.
// The WAL pragmas make its history survive a kill -9.
type Temporal struct {
	p   Profile
	Bin string // the temporal CLI
}

func (t Temporal) Name() string { return "temporal" }
func (t Temporal) Address() string {
	if ui := t.UIAddress(); ui != "" {
		return t.p.Addr(offTemporal) + " (UI " + ui + ")"
	}
	return t.p.Addr(offTemporal)
}
func (t Temporal) Log() string     { return t.p.Path("logs", "temporal.log") }
func (t Temporal) pidFile() string { return t.p.Path("pids", "temporal.pid") }

// UIAddress is the Web UI (empty when headless).
func (t Temporal) UIAddress() string {
	if t.p.Headless {
		return ""
	}
	return "http://" + t.p.Addr(offTemporalUI)
}

func (t Temporal) Start(ctx context.Context) error {
	if _, ok := proc.Running(t.pidFile()); ok {
		return nil
	}
	if err := os.MkdirAll(t.p.Path("data"), 0o755); err != nil {
		return err
	}
	port := func(off int) string { return strconv.Itoa(t.p.Port(off)) }
	args := []string{"server", "start-dev", "--ip", "127.0.0.1",
		"--port", port(offTemporal), "--ui-port", port(offTemporalUI),
		"--http-port", port(offTemporalHTTP), "--metrics-port", port(offTemporalMetrics),
		"--db-filename", t.p.Path("data", "temporal.db"),
		"--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=1",
		// New tasks go to one partition per task queue: each queue here has one worker process,
		// and with the default four a task written to a partition no poller is waiting on sits in
		// its backlog until matching forwards it (a trade's first workflow task was seen to wait
		// 55 s with 30 trades in flight). Reads keep the default four, so tasks an older server
		// wrote to the other partitions are still delivered.
		"--dynamic-config-value", "matching.numTaskqueueWritePartitions=1",
		"--log-level", "warn"}
	if t.p.Headless {
		args = append(args, "--headless")
	}
	_, err := proc.Start(proc.Spec{Name: "temporal", Path: t.Bin, Args: args, LogFile: t.Log(), PIDFile: t.pidFile(),
		Listen: []string{t.p.Addr(offTemporal), t.p.Addr(offTemporalHTTP)}})
	return err
}

// Ready asks the HTTP API for the default namespace: it answers only once the server can serve
// workflows, which a bare port check does not prove.
func (t Temporal) Ready(ctx context.Context) error {
	url := fmt.Sprintf("http://%s/api/v1/namespaces/default", t.p.Addr(offTemporalHTTP))
	return proc.WaitHTTP(ctx, url)
}

func (t Temporal) Stop() error { return proc.Stop(t.pidFile(), 15*time.Second) }

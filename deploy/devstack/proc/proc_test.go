package proc

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStartRecordsPIDAndStopEndsTheProcessGroup: a detached process (and the child it forks) is
// found again through its PID file and stopped; stopping twice is fine.
func TestStartRecordsPIDAndStopEndsTheProcessGroup(t *testing.T) {
	dir := t.TempDir()
	spec := Spec{Name: "sleeper", Path: "/bin/sh", Args: []string{"-c", "sleep 60 & echo started; wait"},
		LogFile: filepath.Join(dir, "logs", "s.log"), PIDFile: filepath.Join(dir, "pids", "s.pid")}
	pid, err := Start(spec)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := Running(spec.PIDFile); !ok || got != pid {
		t.Fatalf("Running = %d, %v; want %d, true", got, ok, pid)
	}
	if _, err := Start(spec); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("second Start: %v", err)
	}
	for i := 0; !logHas(spec.LogFile, "started"); i++ {
		if i > 100 {
			t.Fatal("the process never wrote to its log")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := Stop(spec.PIDFile, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, ok := Running(spec.PIDFile); ok {
		t.Fatal("still running after Stop")
	}
	if _, err := os.Stat(spec.PIDFile); !os.IsNotExist(err) {
		t.Fatal("PID file left behind")
	}
	if err := Stop(spec.PIDFile, time.Second); err != nil {
		t.Fatalf("stopping a stopped process: %v", err)
	}
}

func logHas(path, s string) bool {
	b, _ := os.ReadFile(path)
	return strings.Contains(string(b), s)
}

func TestStartReportsAMissingProgram(t *testing.T) {
	dir := t.TempDir()
	_, err := Start(Spec{Name: "ghost", Path: filepath.Join(dir, "nope"), LogFile: filepath.Join(dir, "g.log"), PIDFile: filepath.Join(dir, "g.pid")})
	if err == nil || !strings.Contains(err.Error(), "ghost") || !strings.Contains(err.Error(), "g.log") {
		t.Fatalf("error should name the component and its log: %v", err)
	}
}

func TestStartRefusesATakenPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	dir := t.TempDir()
	_, err = Start(Spec{Name: "kafka", Path: "/bin/true", Listen: []string{l.Addr().String()},
		LogFile: filepath.Join(dir, "k.log"), PIDFile: filepath.Join(dir, "k.pid")})
	if err == nil || !strings.Contains(err.Error(), "already in use") {
		t.Fatalf("a taken port must be reported clearly: %v", err)
	}
}

package stack_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/stack"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// TestFailedUpLeavesNoProcess: Temporal's port is taken, so `up` fails at Temporal after Kafka
// and PostgreSQL started. Up must stop them: no process of the profile is left running (a failed
// `make run` used to leave Kafka, PostgreSQL, Temporal, the orderer, the peers and the chaincode
// servers behind).
func TestFailedUpLeavesNoProcess(t *testing.T) {
	testenv.NeedsComponent(t, "Kafka, PostgreSQL and Temporal processes of a profile of its own")
	root, err := stack.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	// Under the checkout, not t.TempDir(): PostgreSQL's user must reach its data folder.
	dir := filepath.Join(root, ".run", "uptest-"+hex.EncodeToString(b[:]))
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	p := stack.Profile{Name: "test", RepoRoot: root, Dir: dir, PortBase: freeBase(t), Headless: true}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	tools, err := stack.Setup(ctx, func(string, ...any) {}, "temporal,postgres")
	if err != nil {
		t.Fatal(err)
	}
	s, err := stack.New(p, tools, new(bytes.Buffer)).Only("kafka,postgres,temporal")
	if err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p.PortBase+233)) // Temporal's frontend
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	t.Cleanup(func() { _ = s.Down() })

	err = s.Up(ctx)
	if err == nil || !strings.Contains(err.Error(), "temporal") || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("up = %v, want temporal's failure (port in use)", err)
	}
	if left := processesUnder(t, dir); len(left) > 0 {
		t.Fatalf("after the failed start these processes of the profile still run:\n%s", strings.Join(left, "\n"))
	}
	for _, off := range []int{92, 432} { // Kafka, PostgreSQL: started, then stopped
		if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", p.PortBase+off), time.Second); err == nil {
			c.Close()
			t.Errorf("port %d still answers", p.PortBase+off)
		}
	}
	if log, _ := os.ReadFile(filepath.Join(dir, "logs", "kafka.log")); len(log) == 0 {
		t.Error("kafka never started: the test proves nothing about stopping it")
	}
}

// processesUnder lists live processes whose command line names dir (the profile's state).
func processesUnder(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !bytes.Contains(cmdline, []byte(dir)) {
			continue
		}
		if st, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat")); err == nil {
			if f := strings.Fields(string(st)); len(f) > 2 && f[2] == "Z" {
				continue // exited, not yet reaped by its parent (this test)
			}
		}
		out = append(out, e.Name()+": "+strings.ReplaceAll(string(cmdline), "\x00", " "))
	}
	return out
}

// freeBase finds a port base whose Kafka, Temporal and PostgreSQL ports are free.
func freeBase(t *testing.T) int {
	t.Helper()
	for base := 41000; base < 60000; base += 1000 {
		free := true
		for _, off := range []int{92, 233, 234, 243, 244, 432} {
			l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", base+off))
			if err != nil {
				free = false
				break
			}
			l.Close()
		}
		if free {
			return base
		}
	}
	t.Fatal("no free port base")
	return 0
}

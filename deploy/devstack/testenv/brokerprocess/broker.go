// Package brokerprocess runs the dev stack's broker as a process of the test's own, apart from
// testenv so that the many test binaries importing testenv do not link the broker (kfake).
package brokerprocess

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// Broker is the dev stack's broker run as a process of the test's own, on a free port
// with a data directory, so a test can start it late, stop it and restart it the way an operator
// would. Tests using it call NeedsComponent.
type Broker struct {
	Addr  string
	Creds kafkabroker.Credentials // its principals' passwords
	dir   string
	port  int
}

// New builds the broker and prepares its directory and credentials; it does not
// start it (Restart does). The process is stopped when the test ends.
func New(t *testing.T) *Broker {
	t.Helper()
	dir, err := os.MkdirTemp("", "kafkabroker-")
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "kafkabroker"), "github.com/tradefin/tradefin/deploy/devstack/cmd/kafkabroker")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build broker: %v\n%s", err, out)
	}
	b := &Broker{dir: dir, port: testenv.FreePort(t)}
	b.Addr = fmt.Sprintf("127.0.0.1:%d", b.port)
	if b.Creds, err = kafkabroker.LoadOrCreate(filepath.Join(dir, "kafka-credentials.json")); err != nil {
		t.Fatal(err)
	}
	// restart.sh stops the broker (SIGTERM flushes its data directory) and starts it again.
	body := fmt.Sprintf(`#!/bin/sh
pid=$(cat %[1]s/pid 2>/dev/null)
if [ -n "$pid" ]; then kill "$pid"; i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do i=$((i+1)); sleep 0.05; done; fi
[ "$1" = stop ] && { rm -f %[1]s/pid; exit 0; }
setsid %[1]s/kafkabroker -port %[2]d -data %[1]s/data -partitions 1 -credentials %[1]s/kafka-credentials.json >>%[1]s/broker.log 2>&1 &
echo $! > %[1]s/pid
i=0; until (exec 3<>/dev/tcp/127.0.0.1/%[2]d) 2>/dev/null; do i=$((i+1)); [ $i -gt 100 ] && exit 1; sleep 0.05; done
`, dir, b.port)
	if err := os.WriteFile(filepath.Join(dir, "restart.sh"), []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		b.Stop(t)
		_ = os.RemoveAll(dir)
	})
	return b
}

// Start is New, started.
func Start(t *testing.T) *Broker {
	t.Helper()
	b := New(t)
	b.Restart(t)
	return b
}

// Restart stops the broker if it runs and starts it, waiting for its port.
func (b *Broker) Restart(t *testing.T) {
	t.Helper()
	if out, err := exec.Command("bash", filepath.Join(b.dir, "restart.sh")).CombinedOutput(); err != nil {
		t.Errorf("restart broker: %v\n%s", err, out)
	}
}

// Stop stops the broker (SIGTERM, data flushed).
func (b *Broker) Stop(t *testing.T) {
	t.Helper()
	if out, err := exec.Command("bash", filepath.Join(b.dir, "restart.sh"), "stop").CombinedOutput(); err != nil {
		t.Errorf("stop broker: %v\n%s", err, out)
	}
	time.Sleep(100 * time.Millisecond)
}

package kafkapubsub_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// brokerProcess runs the dev stack's broker as its own process with a data directory, so a
// test can restart it the way an operator would.
type brokerProcess struct {
	dir, script, addr string
	creds             kafkabroker.Credentials
}

func startBrokerProcess(t *testing.T) *brokerProcess {
	t.Helper()
	dir, err := os.MkdirTemp("", "kafkabroker-")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "kafkabroker")
	build := exec.Command("go", "build", "-o", bin, "github.com/tradefin/tradefin/deploy/devstack/cmd/kafkabroker")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build broker: %v\n%s", err, out)
	}
	port := freePort(t)
	b := &brokerProcess{dir: dir, script: filepath.Join(dir, "restart.sh"), addr: fmt.Sprintf("127.0.0.1:%d", port)}
	if b.creds, err = kafkabroker.LoadOrCreate(filepath.Join(dir, "kafka-credentials.json")); err != nil {
		t.Fatal(err)
	}
	// restart.sh stops the broker (SIGTERM flushes its data directory) and starts it again.
	body := fmt.Sprintf(`#!/bin/sh
pid=$(cat %[1]s/pid 2>/dev/null)
if [ -n "$pid" ]; then kill "$pid"; i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do i=$((i+1)); sleep 0.05; done; fi
setsid %[2]s -port %[3]d -data %[1]s/data -partitions 1 -credentials %[1]s/kafka-credentials.json >>%[1]s/broker.log 2>&1 &
echo $! > %[1]s/pid
i=0; until (exec 3<>/dev/tcp/127.0.0.1/%[3]d) 2>/dev/null; do i=$((i+1)); [ $i -gt 100 ] && exit 1; sleep 0.05; done
`, dir, bin, port)
	if err := os.WriteFile(b.script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	b.restart(t)
	t.Cleanup(func() {
		if pid, err := os.ReadFile(filepath.Join(dir, "pid")); err == nil {
			_ = exec.Command("sh", "-c", "kill "+string(pid)).Run()
		}
		time.Sleep(200 * time.Millisecond)
		_ = os.RemoveAll(dir)
	})
	return b
}

func (b *brokerProcess) restart(t *testing.T) {
	if out, err := exec.Command("bash", b.script).CombinedOutput(); err != nil {
		t.Errorf("restart broker: %v\n%s", err, out)
	}
}

// TestReconnectAcrossBrokerRestarts: 20 publishers send 3,000 messages while the broker is
// restarted twice; once every publish has returned, every published message must have been
// received. (Watermill's own TestReconnect does the same but compares before its publishers'
// bookkeeping is complete, so it fails spuriously on a fast broker; this version waits.)
func TestReconnectAcrossBrokerRestarts(t *testing.T) {
	testenv.NeedsComponent(t, "a Kafka-protocol broker process, restarted twice")
	b := startBrokerProcess(t)
	pub, sub := newPubSub(t, []string{b.addr}, b.creds.SASL("tests"), "reconnect-"+watermill.NewShortUUID())
	defer pub.Close()
	defer sub.Close()
	topic := "reconnect-" + watermill.NewShortUUID()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	msgs, err := sub.Subscribe(ctx, topic)
	if err != nil {
		t.Fatal(err)
	}

	const total, publishers = 3000, 20
	received := map[string]bool{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m := range msgs {
			received[m.UUID] = true
			m.Ack()
			if len(received) == total {
				return
			}
		}
	}()

	work := make(chan int)
	var published sync.Map
	var wg sync.WaitGroup
	for range publishers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range work {
				m := message.NewMessage(watermill.NewUUID(), []byte("x"))
				for pub.Publish(topic, m) != nil { // the broker may be down: retry until it is back
					time.Sleep(100 * time.Millisecond)
				}
				published.Store(m.UUID, true)
			}
		}()
	}
	for i := range total {
		if i == total/3 || i == total/2 {
			b.restart(t)
		}
		work <- i
	}
	close(work)
	wg.Wait()
	select {
	case <-done:
	case <-ctx.Done():
		<-done // the subscription closed with ctx; received is ours now
	}
	missing := 0
	published.Range(func(k, _ any) bool {
		if !received[k.(string)] {
			missing++
		}
		return true
	})
	if missing > 0 || len(received) != total {
		t.Fatalf("received %d distinct messages of %d published; %d published messages never arrived", len(received), total, missing)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

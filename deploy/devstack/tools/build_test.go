package tools

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestALongBuildSaysItIsStillBuilding: while a build runs, a line comes every interval, and none
// once it is stopped.
func TestALongBuildSaysItIsStillBuilding(t *testing.T) {
	var mu sync.Mutex
	var lines []string
	p := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, fmt.Sprintf(format, args...))
	}
	stop := heartbeat(p, "temporal CLI v0", time.Now(), 10*time.Millisecond)
	time.Sleep(55 * time.Millisecond)
	stop()
	mu.Lock()
	n := len(lines)
	mu.Unlock()
	if n < 2 {
		t.Fatalf("%d lines in 55 ms at one each 10 ms, want at least 2: %q", n, lines)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "temporal CLI v0: still building (") {
			t.Fatalf("line %q", l)
		}
	}
	time.Sleep(30 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if len(lines) != n {
		t.Fatalf("%d lines after stop: %q", len(lines)-n, lines[n:])
	}
}

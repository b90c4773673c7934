package soak

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Processes kills and restarts the stack's processes (devstack's stack.Stack does).
type Processes interface {
	Kill(name string) error
	Restart(ctx context.Context, name string) error
	Running(name string) bool
}

// Kill is one crash of the schedule and what came of it.
type Kill struct {
	Process string
	AtTrade int           // killed when this many trades had started
	After   time.Duration // and this long after
	At      time.Duration // since the soak began
	Down    time.Duration // from the kill until the restarted process was ready
	Err     string        // a kill or restart that failed
	Revived int           // times it died again after its restart and the supervisor started it
}

// schedule gives each process a random moment: a random time up to jitter after the start of a
// trade among the first three quarters, so every crash lands while trades run.
func schedule(rng *rand.Rand, processes []string, trades int, jitter time.Duration) []Kill {
	ks := make([]Kill, 0, len(processes))
	for _, p := range processes {
		ks = append(ks, Kill{Process: p, AtTrade: 1 + rng.IntN(max(1, trades*3/4)), After: time.Duration(rng.Int64N(int64(jitter) + 1))})
	}
	slices.SortStableFunc(ks, func(a, b Kill) int { return a.AtTrade - b.AtTrade })
	return ks
}

// crash runs the schedule, one crash at a time: SIGKILL, the outage, the restart.
func crash(ctx context.Context, procs Processes, ks []Kill, started *atomic.Int64, begin time.Time, outage time.Duration, sup *supervisor, log func(string, ...any)) {
	unreached := func(from int) {
		for j := from; j < len(ks); j++ {
			ks[j].Err = "never reached: the trades ended first"
		}
	}
	for i := range ks {
		k := &ks[i]
		for started.Load() < int64(k.AtTrade) {
			if !sleepCtx(ctx, 50*time.Millisecond) {
				unreached(i)
				return
			}
		}
		if !sleepCtx(ctx, k.After) {
			unreached(i)
			return
		}
		k.At = time.Since(begin)
		log("kill -9 %s (trade %d started)", k.Process, k.AtTrade)
		if err := procs.Kill(k.Process); err != nil {
			k.Err = err.Error()
			continue
		}
		t := time.Now()
		sleepCtx(ctx, outage) // restarted even when the soak is ending
		if err := procs.Restart(ctx, k.Process); err != nil {
			k.Err = fmt.Sprintf("restart: %v", err)
			log("%s did not come back: %v", k.Process, err)
			continue
		}
		k.Down = time.Since(t)
		log("%s back after %s", k.Process, k.Down.Round(100*time.Millisecond))
		sup.watch(k)
	}
}

// supervisor restarts a process that died after the soak restarted it, as a process supervisor
// (systemd, Kubernetes) would: a component can answer ready and still fail its own start under
// load (the Temporal dev server exits when its internal worker does not start in time), and
// without a supervisor every trade after it is stuck, which measures the stack, not tradefin.
// Each revival is counted and printed with the kill.
type supervisor struct {
	mu      sync.Mutex
	watched []*Kill
}

func (s *supervisor) watch(k *Kill) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.watched = append(s.watched, k)
}

// run looks every 2 s until ctx ends.
func (s *supervisor) run(ctx context.Context, procs Processes, log func(string, ...any)) {
	for sleepCtx(ctx, 2*time.Second) {
		s.mu.Lock()
		ks := slices.Clone(s.watched)
		s.mu.Unlock()
		for _, k := range ks {
			if procs.Running(k.Process) {
				continue
			}
			log("%s died after its restart; the supervisor starts it", k.Process)
			err := procs.Restart(ctx, k.Process)
			s.mu.Lock()
			k.Revived++
			if err != nil && k.Err == "" {
				k.Err = fmt.Sprintf("revival: %v", err)
			}
			s.mu.Unlock()
		}
	}
}

// EveryComponent is the full soak's schedule: each service, the worker, each ledger agent, the
// Kafka broker, Temporal, PostgreSQL, one peer and the orderer, once each.
var EveryComponent = []string{"lc", "customs", "settlement", "worker", "ledger-importerbank", "ledger-exporterbank", "ledger-customs",
	"kafka", "temporal", "postgres", "peer0.ExporterBank", "orderer"}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

package platform

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"sync"
	"time"
)

// Check probes one dependency; nil means usable.
type Check func(ctx context.Context) error

// Health serves /healthz (the process is alive) and /readyz (every dependency answers).
type Health struct {
	mu     sync.Mutex
	checks map[string]Check
}

// NewHealth returns a Health with no checks (always ready).
func NewHealth() *Health { return &Health{checks: map[string]Check{}} }

// Add registers a named readiness check.
func (h *Health) Add(name string, c Check) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.checks[name] = c
}

// Register mounts the endpoints on mux.
func (h *Health) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"alive"}`))
	})
	mux.HandleFunc("GET /readyz", h.ready)
}

func (h *Health) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	h.mu.Lock()
	names := make([]string, 0, len(h.checks))
	for n := range h.checks {
		names = append(names, n)
	}
	h.mu.Unlock()
	sort.Strings(names)
	results := map[string]string{}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ready := true
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.mu.Lock()
			c := h.checks[n]
			h.mu.Unlock()
			res := "ok"
			if err := c(ctx); err != nil {
				res = err.Error()
			}
			mu.Lock()
			defer mu.Unlock()
			results[n] = res
			if res != "ok" {
				ready = false
			}
		}()
	}
	wg.Wait()
	status, body := http.StatusOK, map[string]any{"status": "ready", "checks": results}
	if !ready {
		// RFC 9457 problem details: a machine can tell which dependency is missing.
		status = http.StatusServiceUnavailable
		body = map[string]any{"type": "about:blank", "title": "Service not ready", "status": status, "checks": results}
		w.Header().Set("Content-Type", "application/problem+json")
	} else {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// Package apispec holds a service's HTTP API to its OpenAPI description: a mux that remembers
// the routes it serves, so a test compares them with the description instead of a hand-written
// list, and a middleware that refuses a request the description does not allow before any
// handler runs. It depends on nothing of tradefin's, so it can move with the runtime.
package apispec

import (
	"net/http"
	"slices"
)

// Mux is an http.ServeMux that records every pattern registered on it.
type Mux struct {
	*http.ServeMux
	patterns []string
}

// NewMux returns an empty Mux.
func NewMux() *Mux { return &Mux{ServeMux: http.NewServeMux()} }

// Handle registers h for pattern ("METHOD /path", as http.ServeMux takes it) and records it.
func (m *Mux) Handle(pattern string, h http.Handler) {
	m.ServeMux.Handle(pattern, h)
	m.patterns = append(m.patterns, pattern)
}

// HandleFunc is Handle for a function.
func (m *Mux) HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request)) {
	m.Handle(pattern, http.HandlerFunc(h))
}

// Patterns are the patterns registered so far, in order.
func (m *Mux) Patterns() []string { return slices.Clone(m.patterns) }

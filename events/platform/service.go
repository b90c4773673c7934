package platform

import (
	"context"
	"net/http"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/platform/bearer"
)

// Wired is what every service's wiring holds: its HTTP API, its event store and its background
// work. A service embeds it and adds its application.
type Wired struct {
	HTTP  http.Handler     // the API; its handlers read the actor from the request's context
	Auth  *bearer.Verifier // who may call it (nil: tests inject actors themselves)
	Store eventstore.Store
	Work  Background
}

// Run does the background work until ctx ends.
func (w *Wired) Run(ctx context.Context) error { return w.Work.Run(ctx) }

// Close closes the event store.
func (w *Wired) Close() error { return w.Store.Close() }

// Handler is the service's HTTP API behind the bearer-token check.
func (w *Wired) Handler() http.Handler { return Authenticated(w.Auth, w.HTTP) }

// Service is a service as its process runs it.
type Service interface {
	Handler() http.Handler
	Run(ctx context.Context) error
	Close() error
}

// ServiceMain is the whole main of a service's process: start the runtime, open the service and
// serve its API and background work until a signal. A service holds no Fabric key: each
// organisation's ledger agent (services/ledgeragent) does.
func ServiceMain[S Service](name, defaultHTTP string, open func(context.Context, ServiceConfig) (S, error)) {
	Main(name, func(ctx context.Context) error {
		rt, err := Start(ctx, name, defaultHTTP)
		if err != nil {
			return err
		}
		svc, err := open(ctx, rt.ServiceConfig())
		if err != nil {
			return err
		}
		defer svc.Close()
		return rt.ServeService(ctx, svc.Handler(), svc.Run)
	})
}

package platform

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"

	"github.com/tradefin/tradefin/events/platform/bearer"
)

// Runtime is a process's connections to the platform plus its HTTP mux with health endpoints.
// Services mount their API on Mux and call Serve.
type Runtime struct {
	Config   Common
	Log      *slog.Logger
	Temporal client.Client
	Health   *Health
	Mux      *http.ServeMux
	// Auth checks the bearer tokens of every API request (nil when TRADEFIN_OIDC_ISSUER is unset;
	// ServeService then refuses to start).
	Auth *bearer.Verifier

	shutdownTelemetry func(context.Context) error
}

// Start connects a process to Kafka (checked) and Temporal. Connections are lazy where the
// client allows it, so a process starts even while a dependency is still coming up; /readyz
// tells when everything answers.
func Start(ctx context.Context, service, defaultHTTP string) (*Runtime, error) {
	cfg := LoadCommon(service, defaultHTTP)
	if err := cfg.KafkaSASL.Validate(); err != nil {
		return nil, fmt.Errorf("kafka credentials (TRADEFIN_KAFKA_*): %w", err)
	}
	rt := &Runtime{Config: cfg, Log: Logger(service), Health: NewHealth(), Mux: http.NewServeMux()}
	var err error
	if rt.shutdownTelemetry, err = SetupTelemetry(ctx, service); err != nil {
		return nil, fmt.Errorf("telemetry: %w", err)
	}
	rt.Temporal, err = client.NewLazyClient(client.Options{
		HostPort: cfg.TemporalAddress, Namespace: cfg.TemporalNamespace,
		Logger: tlog.NewStructuredLogger(rt.Log),
	})
	if err != nil {
		return nil, fmt.Errorf("temporal client: %w", err)
	}
	if cfg.OIDCIssuer != "" {
		if rt.Auth, err = cfg.Verifier(); err != nil {
			return nil, err
		}
	}
	rt.Health.Add("kafka", KafkaCheck(cfg.KafkaBrokers, cfg.KafkaSASL))
	rt.Health.Add("temporal", TemporalCheck(rt.Temporal))
	rt.Health.Register(rt.Mux)
	return rt, nil
}

// Serve serves the mux (traced with OpenTelemetry) until ctx ends, then shuts down gracefully.
func (rt *Runtime) Serve(ctx context.Context) error {
	srv := &http.Server{
		Addr:              rt.Config.HTTPAddr,
		Handler:           otelhttp.NewHandler(rt.Mux, rt.Config.Service),
		ReadHeaderTimeout: 10 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	rt.Log.Info("listening", "addr", rt.Config.HTTPAddr)
	select {
	case err := <-errc:
		return fmt.Errorf("http %s: %w", rt.Config.HTTPAddr, err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	rt.Close(sctx)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// ServeService mounts a service's API (everything but the health endpoints, which are more
// specific) and serves it with its background work as one Lifecycle until ctx ends: background
// work that fails is retried with backoff while /readyz answers 503 ("background"), and if it
// fails permanently (Permanent) or stops, the API stops too and the error is returned, so the
// process exits non-zero.
func (rt *Runtime) ServeService(ctx context.Context, api http.Handler, background func(context.Context) error) error {
	if rt.Auth == nil {
		return fmt.Errorf("TRADEFIN_OIDC_ISSUER is required: the API accepts only access tokens of an OIDC issuer")
	}
	rt.Mux.Handle("/", api)
	lc := NewLifecycle(ctx, rt.Health, rt.Log)
	lc.GoRetrying("background", background)
	lc.Go("http", rt.Serve)
	return lc.Wait()
}

// Close releases the connections.
func (rt *Runtime) Close(ctx context.Context) {
	rt.Temporal.Close()
	if rt.shutdownTelemetry != nil {
		_ = rt.shutdownTelemetry(ctx)
	}
}

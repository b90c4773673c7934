// Command portal serves tradefin's web portal.
//
//	TRADEFIN_HTTP_ADDR          listen address (default 127.0.0.1:20805)
//	TRADEFIN_PORTAL_URL         where browsers reach it (default http://<TRADEFIN_HTTP_ADDR>)
//	TRADEFIN_LC_URL, TRADEFIN_CUSTOMS_URL, TRADEFIN_SETTLEMENT_URL, TRADEFIN_TRADES_URL   the APIs
//	TRADEFIN_PORTAL_HTMX        htmx.min.js (make setup puts it in the tool cache)
//	TRADEFIN_PORTAL_SESSION_KEY_FILE  64 bytes sealing the session cookies (default: random per start)
//	TRADEFIN_OIDC_*, TRADEFIN_KAFKA_*   as every process
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"golang.org/x/sync/errgroup"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/portal/service"
)

func main() {
	platform.Main("portal", run)
}

func run(ctx context.Context) error {
	cfg := platform.LoadCommon("portal", "127.0.0.1:20805")
	tokens, err := cfg.Verifier()
	if err != nil {
		return err
	}
	var key []byte
	if f := platform.Env("TRADEFIN_PORTAL_SESSION_KEY_FILE", ""); f != "" {
		if key, err = os.ReadFile(f); err != nil {
			return fmt.Errorf("session key: %w", err)
		}
	}
	log := platform.Logger("portal")
	p, err := service.New(service.Config{
		URL: platform.Env("TRADEFIN_PORTAL_URL", "http://"+cfg.HTTPAddr),
		LC:  platform.Env("TRADEFIN_LC_URL", "http://127.0.0.1:20801"), Customs: platform.Env("TRADEFIN_CUSTOMS_URL", "http://127.0.0.1:20802"),
		Settlement: platform.Env("TRADEFIN_SETTLEMENT_URL", "http://127.0.0.1:20803"), Trades: platform.Env("TRADEFIN_TRADES_URL", "http://127.0.0.1:20804"),
		Issuer: cfg.OIDCIssuer, Audience: cfg.OIDCAudience, Tokens: tokens, KafkaBrokers: cfg.KafkaBrokers, KafkaSASL: cfg.KafkaSASL,
		HTMXFile: platform.Env("TRADEFIN_PORTAL_HTMX", ""), SessionKey: key, Log: log,
	})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/", p.Handler())
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ready")) })
	srv := &http.Server{Addr: cfg.HTTPAddr, Handler: otelhttp.NewHandler(mux, "portal"), ReadHeaderTimeout: 10 * time.Second}
	// One process, one fate: if the index stops following Kafka or the server fails, the
	// process ends and its supervisor restarts it.
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return p.Run(ctx) })
	g.Go(func() error {
		log.Info("listening", "addr", cfg.HTTPAddr)
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	g.Go(func() error {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	})
	return g.Wait()
}

// Package service wires the portal: configuration, the adapters, the trade index that follows
// Kafka, and the web handler. cmd/portal runs it as a process; tests run it in-process.
package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform/bearer"
	"github.com/tradefin/tradefin/services/portal/adapters/customsapi"
	"github.com/tradefin/tradefin/services/portal/adapters/lcapi"
	"github.com/tradefin/tradefin/services/portal/adapters/oidcflow"
	"github.com/tradefin/tradefin/services/portal/adapters/session"
	"github.com/tradefin/tradefin/services/portal/adapters/settlementapi"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeindex"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeviewapi"
	"github.com/tradefin/tradefin/services/portal/web"
)

// ClientID is the portal's OAuth client at the identity provider (public, PKCE).
const ClientID = "tradefin-portal"

// Config is what the portal needs.
type Config struct {
	// URL is where browsers reach the portal (its OAuth redirect URI is URL + "/callback").
	URL string
	// Services' base URLs.
	LC, Customs, Settlement, Trades string
	// Issuer and Audience of the access tokens; Tokens verifies them (as every service does).
	Issuer, Audience string
	Tokens           *bearer.Verifier
	KafkaBrokers     []string
	KafkaSASL        kafkapubsub.SASL
	// HTMXFile is htmx.min.js from the htmx.org npm package, which `make setup` fetches into the
	// tool cache; the portal serves it itself (no CDN at run time).
	HTMXFile string
	// SessionKey seals the session cookies (session.KeyBytes); empty: a random key per process.
	SessionKey []byte
	Log        *slog.Logger
}

// Validate reports every missing setting at once.
func (c Config) Validate() error {
	var errs []error
	for name, v := range map[string]string{"portal URL": c.URL, "LC URL": c.LC, "customs URL": c.Customs, "settlement URL": c.Settlement,
		"trade view URL": c.Trades, "OIDC issuer": c.Issuer, "htmx file": c.HTMXFile} {
		if v == "" {
			errs = append(errs, fmt.Errorf("portal: the %s is required", name))
		}
	}
	if c.Tokens == nil {
		errs = append(errs, errors.New("portal: a token verifier is required"))
	}
	if len(c.KafkaBrokers) == 0 {
		errs = append(errs, errors.New("portal: the Kafka brokers are required"))
	}
	return errors.Join(errs...)
}

// Portal is the running portal.
type Portal struct {
	cfg     Config
	index   *tradeindex.Index
	handler http.Handler
}

// New builds the portal.
func New(cfg Config) (*Portal, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	htmx, err := os.ReadFile(cfg.HTMXFile)
	if err != nil {
		return nil, fmt.Errorf("portal: htmx (TRADEFIN_PORTAL_HTMX; `make setup` installs it): %w", err)
	}
	key := cfg.SessionKey
	if len(key) == 0 {
		key = session.RandomKey()
	}
	base := strings.TrimSuffix(cfg.URL, "/")
	sessions, err := session.NewStore(key, strings.HasPrefix(base, "https://"))
	if err != nil {
		return nil, err
	}
	flow := oidcflow.New(oidcflow.Config{Issuer: cfg.Issuer, Audience: cfg.Audience, ClientID: ClientID, RedirectURL: base + "/callback"}, sessions, cfg.Tokens)
	index := tradeindex.New()
	srv, err := web.New(web.APIs{LC: lcapi.New(cfg.LC), Customs: customsapi.New(cfg.Customs), Settlement: settlementapi.New(cfg.Settlement),
		Trades: tradeviewapi.New(cfg.Trades)}, index, flow, sessions, htmx, cfg.Log)
	if err != nil {
		return nil, err
	}
	return &Portal{cfg: cfg, index: index, handler: srv.Handler()}, nil
}

// Handler serves the pages.
func (p *Portal) Handler() http.Handler { return p.handler }

// Run follows the trade topics into the index until ctx ends.
func (p *Portal) Run(ctx context.Context) error {
	return p.index.Follow(ctx, p.cfg.KafkaBrokers, p.cfg.KafkaSASL, p.cfg.Log)
}

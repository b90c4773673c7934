// Package http serves the sign-in app: Hydra's login and consent pages and its token hook.
package http

import (
	"context"
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/tradefin/tradefin/services/signin/adapters/hydra"
	"github.com/tradefin/tradefin/services/signin/app"
)

//go:embed login.html
var pages embed.FS

var loginPage = template.Must(template.ParseFS(pages, "login.html"))

// Config is what the handlers need beyond the application.
type Config struct {
	// FirstParty are tradefin's own clients (tradectl, the portal): their consent is given
	// without asking, since the user signs in to tradefin itself.
	FirstParty []string
	// Audience is granted to every token of a signed-in user: tradefin's APIs.
	Audience string
	// HookKey, when set, must be in the X-Signin-Hook-Key header of every token-hook call
	// (Hydra sends it, configured with oauth2.token_hook.auth): nobody else learns a client's party.
	HookKey string
	// RememberLogin is how long Hydra skips the login form for a browser that signed in.
	RememberLogin time.Duration
	Log           *slog.Logger
}

// Server holds the handlers' dependencies.
type Server struct {
	app   *app.Application
	hydra *hydra.Admin
	cfg   Config
}

// HookKeyHeader carries the token hook's shared key.
const HookKeyHeader = "X-Signin-Hook-Key"

// NewHandler returns the sign-in app's routes.
func NewHandler(a *app.Application, h *hydra.Admin, cfg Config) http.Handler {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	s := &Server{app: a, hydra: h, cfg: cfg}
	mux := http.NewServeMux()
	// A cross-site form post is refused (Sec-Fetch-Site / Origin): the login form cannot be
	// submitted from another site's page.
	csrf := http.NewCrossOriginProtection()
	mux.HandleFunc("GET /login", s.showLogin)
	mux.Handle("POST /login", csrf.Handler(http.HandlerFunc(s.submitLogin)))
	mux.HandleFunc("GET /consent", s.consent)
	mux.HandleFunc("POST /hooks/token", s.tokenHook)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", s.ready)
	return pageHeaders(mux)
}

// pageHeaders keeps sign-in pages out of frames (clickjacking) and caches, and the challenge out
// of Referer headers. No form-action: browsers apply it to every redirect that follows the form's
// submission (CSP Level 3, form-action), and the login's redirects lead to the identity provider
// and then to the client's redirect URI, which the provider checks against the client's
// registration; 'self' made a real browser stop on the login page (the portal's browser tests).
func pageHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.hydra.Ready(ctx); err != nil {
		http.Error(w, "hydra admin API not ready", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

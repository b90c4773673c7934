// Package web serves the portal's pages: server-rendered html/template, htmx for the parts that
// update themselves, every form labelled and posted with the session's CSRF token. Handlers call
// the services through the adapters with the signed-in user's access token and keep nothing.
package web

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"

	"github.com/tradefin/tradefin/services/portal/adapters/customsapi"
	"github.com/tradefin/tradefin/services/portal/adapters/lcapi"
	"github.com/tradefin/tradefin/services/portal/adapters/oidcflow"
	"github.com/tradefin/tradefin/services/portal/adapters/session"
	"github.com/tradefin/tradefin/services/portal/adapters/settlementapi"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeindex"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeviewapi"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static/portal.css
var stylesheet []byte

// APIs are the services the portal calls.
type APIs struct {
	LC         lcapi.API
	Customs    customsapi.API
	Settlement settlementapi.API
	Trades     tradeviewapi.API
}

// Server is the portal's HTTP handler.
type Server struct {
	apis     APIs
	index    *tradeindex.Index
	flow     *oidcflow.Flow
	sessions *session.Store
	htmx     []byte // htmx.min.js from its npm package, served as /static/htmx.min.js
	log      *slog.Logger
	pages    map[string]*template.Template
}

// New returns the portal's handler.
func New(apis APIs, index *tradeindex.Index, flow *oidcflow.Flow, sessions *session.Store, htmx []byte, log *slog.Logger) (*Server, error) {
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	return &Server{apis: apis, index: index, flow: flow, sessions: sessions, htmx: htmx, log: log, pages: pages}, nil
}

// Handler routes every page. Pages other than home, sign-in and the static files need a session.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /signin", s.flow.SignIn)
	mux.HandleFunc("GET /callback", s.flow.Callback)
	mux.Handle("POST /signout", s.user(func(w http.ResponseWriter, r *http.Request, u *User) { s.flow.SignOut(w, r) }))
	mux.HandleFunc("GET /static/portal.css", static("text/css; charset=utf-8", stylesheet))
	mux.HandleFunc("GET /static/htmx.min.js", static("text/javascript; charset=utf-8", s.htmx))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ok")) })

	mux.Handle("GET /trades", s.user(s.trades))
	mux.Handle("GET /trades/open", s.user(s.openTrade))
	mux.Handle("GET /trades/{id}", s.user(s.trade))
	mux.Handle("GET /trades/{id}/live", s.user(s.tradeLive))
	mux.Handle("GET /trades/{id}/verification", s.user(s.verifyChain))
	mux.Handle("POST /trades/{id}/{action}", s.user(s.tradeAction))
	mux.Handle("GET /credits/new", s.user(s.creditForm))
	mux.Handle("POST /credits", s.user(s.applyForCredit))
	mux.Handle("GET /credits/{id}/messages/{n}", s.user(s.swiftMessage))
	mux.Handle("GET /documents/{sha256}", s.user(s.verifyDocument))
	mux.Handle("GET /declarations", s.user(s.declarationQueue))
	mux.Handle("GET /declarations/{id}", s.user(s.declaration))
	mux.Handle("POST /declarations/{id}/{action}", s.user(s.declarationAction))
	mux.Handle("GET /shipments/new", s.user(s.shipmentForm))
	mux.Handle("POST /shipments", s.user(s.issueBillOfLading))
	mux.Handle("GET /shipments/{id}", s.user(s.shipment))
	mux.Handle("POST /shipments/{id}/events", s.user(s.reportTransportEvent))
	mux.Handle("GET /payments", s.user(s.payments))
	return securityHeaders(mux)
}

// securityHeaders: scripts and styles only from the portal itself (no CDN, no inline script),
// no framing (clickjacking), no MIME sniffing.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self' "+formTargets)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// formTargets lets the sign-in redirect leave for the identity provider (a navigation, which
// form-action governs after a POST in some browsers).
const formTargets = "http: https:"

func static(contentType string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", "public, max-age=3600")
		_, _ = w.Write(body)
	}
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if sess, ok := s.sessions.Load(r); ok {
		if _, err := s.flow.Actor(r.Context(), sess); err == nil {
			http.Redirect(w, r, "/trades", http.StatusSeeOther)
			return
		}
	}
	s.render(w, r, http.StatusOK, "home", page{Title: "Sign in", Data: struct{ SignedOut bool }{r.URL.Query().Has("signed-out")}})
}

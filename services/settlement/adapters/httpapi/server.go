// Package httpapi is settlement's HTTP API (/v1/payments..., /v1/accounts). The caller is the
// identity.Actor the platform's bearer middleware put in the request context (a verified OAuth 2.0
// access token); no X-Tradefin-* header is read. What the actor may do is domain.Authorize's to
// decide: a read or a command on a payment it is no party to answers 404, as a missing payment; a
// command a party may not give answers 403 naming the rule; no actor 401.
//
// This package is the one place where errors become RFC 9457 problem+json (problem.go): the app
// and the domain answer domain error kinds. Its request and response bodies are its own types
// (views.go), mapped from the domain, so a renamed domain field changes neither. It decodes and
// renders the ISO 20022 messages (adapters/iso20022) at the edge: the app sees a decoded status
// report and returns payments.
//
// No endpoint raises a payment: payments are raised only from lc.honoured.v1 (adapters/inbox).
// Every command is idempotent by design (instruction, approval, correction and status
// application return the stored outcome), so a retry returns the original result.
package httpapi

import (
	_ "embed"
	"encoding/json"
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

//go:embed openapi.yaml
var openAPI []byte

// maxBody bounds a request body: a pacs.002 for one payment is a few kB, one for a batch of
// domain.MaxReportTransactions some tens; more is 413 before anything reads it.
const maxBody = 256 << 10

// Handler returns the API and its OpenAPI description at /openapi.yaml. A request without an
// actor is 401 first; then one its description does not allow (a string or list over its bound,
// a body over maxBody) is refused before a handler reads it.
func Handler(a app.Application) http.Handler {
	mux := http.NewServeMux()
	apispec.ServeOpenAPI(mux, openAPI)
	mux.Handle("/v1/", identity.Required(apispec.Must(openAPI, maxBody).Wrap(routes(a))))
	return mux
}

// Routes are the patterns the API serves, which its OpenAPI description must document.
func Routes() []string { return routes(app.Application{}).Patterns() }

func routes(a app.Application) *apispec.Mux {
	s := server{a}
	mux := apispec.NewMux()
	mux.Handle("GET /v1/payments/{id}", acting(s.get))
	mux.Handle("POST /v1/payments/{id}/instruction", acting(s.release))
	mux.Handle("POST /v1/payments/{id}/approval", acting(s.approve))
	mux.Handle("POST /v1/payments/{id}/correction", acting(s.correct))
	mux.Handle("POST /v1/payments/{id}/status-reports", acting(s.status))
	mux.Handle("GET /v1/payments/{id}/messages/pacs.009", acting(s.message))
	mux.Handle("GET /v1/accounts", acting(s.balances))
	return mux
}

type server struct{ a app.Application }

// acting runs h with the request's actor: 401 when nobody was authenticated. The platform's own
// identities (the trade workflow) act through Temporal activities, never through this API, so a
// token claiming one is refused. A payment ID that cannot name a payment (over its bound, or
// whose trade ID breaks contracts.CheckTradeID) is 400 before anything is read.
func acting(h func(http.ResponseWriter, *http.Request, identity.Actor)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, err := identity.Caller(r.Context())
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		if a.OrgKind == identity.Platform {
			problem.Write(w, r, identity.Refuse("the platform's own identities do not call the settlement API"))
			return
		}
		if id := r.PathValue("id"); id != "" {
			if err := domain.CheckPaymentID(id); err != nil {
				problem.Write(w, r, problem.InvalidFields(problem.InvalidParam{Name: "id", Reason: err.Error()}))
				return
			}
		}
		h(w, r, a)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeXML(w http.ResponseWriter, status int, xml []byte) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	_, _ = w.Write(xml)
}

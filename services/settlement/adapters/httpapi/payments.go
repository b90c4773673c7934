// Package httpapi is settlement's HTTP API (/v1/payments...). The caller is the identity.Actor the
// platform's bearer middleware put in the request context (a verified OAuth 2.0 access token);
// no X-Tradefin-* header is read. What the actor may do is domain.Authorize's to decide: a read
// or a command on a payment it is no party to answers 404, as a missing payment; a command a
// party may not give answers 403 naming the rule; no actor 401. Errors are RFC 9457
// problem+json (events/problem).
//
// No endpoint raises a payment: payments are raised only from lc.honoured.v1 (adapters/inbox).
// Every command is idempotent by design (instruction, approval and status application return the
// stored outcome), so a retry returns the original result.
package httpapi

import (
	_ "embed"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

//go:embed openapi.yaml
var openAPI []byte

// Handler returns the API and its OpenAPI description at /openapi.yaml. A request without an
// actor is 401 first; then one its description does not allow is refused before a handler
// reads it.
func Handler(a app.Application) http.Handler {
	mux := http.NewServeMux()
	platform.ServeOpenAPI(mux, openAPI)
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
	mux.Handle("POST /v1/payments/{id}/status-reports", acting(s.status))
	mux.Handle("GET /v1/payments/{id}/messages/pacs.009", acting(s.message))
	mux.Handle("GET /v1/accounts", acting(s.balances))
	return mux
}

type server struct{ a app.Application }

// Bounds of what a request carries.
const (
	maxPaymentID = 3*64 + 2 // trade, LC and presentation IDs (domain bounds) joined by ':'
	maxBody      = 1 << 20  // a pacs.002
)

// acting runs h with the request's actor: 401 when nobody was authenticated. The platform's own
// identities (the trade workflow) act through Temporal activities, never through this API, so a
// token claiming one is refused.
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
		if len(r.PathValue("id")) > maxPaymentID {
			fail(w, r, domain.ErrNotFound)
			return
		}
		h(w, r, a)
	})
}

func (s server) message(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	xml, err := s.a.Queries.Message.Handle(r.Context(), a, r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeXML(w, http.StatusOK, xml)
}

func (s server) balances(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	l, err := s.a.Queries.Balances.Handle(r.Context(), a)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"accounts": l})
}

// fail maps domain error kinds to problem kinds, once.
func fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *problem.Error
	if errors.As(err, &pe) {
		problem.Write(w, r, pe)
		return
	}
	switch domain.KindOf(err) {
	case domain.KindInvalid:
		problem.Write(w, r, problem.New(problem.Unprocessable, "Payment rule broken", err.Error()))
	case domain.KindConflict:
		problem.Write(w, r, problem.New(problem.Conflict, "Payment state conflict", err.Error()))
	case domain.KindNotFound:
		problem.Write(w, r, problem.New(problem.NotFound, "Payment not found", err.Error()))
	default:
		problem.Write(w, r, err)
	}
}

func (s server) get(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	p, err := s.a.Queries.Payment.Handle(r.Context(), a, r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, view(p))
}

// release instructs the payment (200, the pacs.009) or, above the four-eyes threshold, records the
// request and answers 202 with the payment awaiting approval.
func (s server) release(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	p, xml, err := s.a.Commands.Release.Handle(r.Context(), a, r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	if xml == nil {
		w.Header().Set("Location", "/v1/payments/"+p.ID())
		writeJSON(w, http.StatusAccepted, view(p))
		return
	}
	writeXML(w, http.StatusOK, xml)
}

// approve is the checker's approval: the payment is instructed, the pacs.009 returned.
func (s server) approve(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	_, xml, err := s.a.Commands.Approve.Handle(r.Context(), a, r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeXML(w, http.StatusOK, xml)
}

func (s server) status(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		fail(w, r, problem.New(problem.Invalid, "Unreadable body", err.Error()))
		return
	}
	if len(body) > maxBody {
		fail(w, r, problem.New(problem.TooLarge, "Status report too large", "a pacs.002 is at most 1 MiB"))
		return
	}
	p, err := s.a.Commands.ApplyStatus.Handle(r.Context(), a, r.PathValue("id"), body)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, view(p))
}

type paymentView struct {
	ID             string             `json:"id"`
	TradeID        string             `json:"tradeId"`
	LCID           string             `json:"lcId"`
	Status         domain.Status      `json:"status"`
	Amount         money.Money        `json:"amount"`
	Credited       *money.Money       `json:"credited,omitempty"`
	FX             *domain.RateRecord `json:"fx,omitempty"`
	MsgID          string             `json:"msgId,omitempty"`
	EndToEndID     string             `json:"endToEndId,omitempty"`
	UETR           string             `json:"uetr,omitempty"`
	SettlementDate string             `json:"settlementDate,omitempty"`
	StatusCode     string             `json:"statusCode,omitempty"`
	FailureReason  string             `json:"failureReason,omitempty"`
	Postings       []domain.Entry     `json:"postings,omitempty"`
	Reversal       []domain.Entry     `json:"reversal,omitempty"`
	InstructedAt   *time.Time         `json:"instructedAt,omitempty"`
	RaisedBy       identity.Stamp     `json:"raisedBy"`             // the honour's actor
	ReleasedBy     *identity.Stamp    `json:"releasedBy,omitempty"` // the maker, above the four-eyes threshold
	ApprovedBy     *identity.Stamp    `json:"approvedBy,omitempty"` // the checker
	InstructedBy   *identity.Stamp    `json:"instructedBy,omitempty"`
	Disputed       bool               `json:"disputed,omitempty"` // a contradicting honour arrived: not released
}

func view(p *domain.Payment) paymentView {
	v := paymentView{ID: p.ID(), TradeID: p.Obligation.TradeID, LCID: p.Obligation.LCID, Status: p.Status, Amount: p.Obligation.Amount,
		FX: p.Rate, MsgID: p.MsgID, EndToEndID: p.EndToEndID, UETR: p.UETR, SettlementDate: p.SettlementDate,
		StatusCode: p.StatusCode, FailureReason: p.FailureReason, Postings: p.Postings.Entries(),
		RaisedBy: p.RaisedBy, ReleasedBy: p.Maker, ApprovedBy: p.Checker, Disputed: p.Disputed()}
	if p.MsgID != "" {
		c, at, by := p.Credited, p.InstructedAt, p.InstructedBy
		v.Credited, v.InstructedAt, v.InstructedBy = &c, &at, &by
	}
	if p.Reversal != nil {
		v.Reversal = p.Reversal.Entries()
	}
	return v
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

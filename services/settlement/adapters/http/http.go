// Package http is settlement's HTTP API (/v1/payments...). Identity comes from the gateway's
// X-Tradefin-Actor and X-Tradefin-Role headers; errors are RFC 9457 problem+json (events/problem).
// Every command is idempotent by design (payment ID from the honoured presentation, instruction and
// status application return the stored outcome), so a retry with the same Idempotency-Key — or
// without one — returns the original result.
package http

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Handler returns the API's routes.
func Handler(a app.Application) http.Handler {
	s := server{a}
	mux := http.NewServeMux()
	mux.Handle("POST /v1/payments", roles(s.raise, "operator", "issuing-bank"))
	mux.Handle("GET /v1/payments/{id}", roles(s.get, "operator", "settlement-bank", "issuing-bank", "advising-bank"))
	mux.Handle("POST /v1/payments/{id}/instruction", roles(s.instruct, "operator", "settlement-bank", "issuing-bank"))
	mux.Handle("POST /v1/payments/{id}/status-reports", roles(s.status, "operator", "settlement-bank"))
	mux.Handle("GET /v1/payments/{id}/messages/pacs.009", roles(s.message, "operator", "settlement-bank", "issuing-bank", "advising-bank"))
	mux.Handle("GET /v1/accounts", roles(s.balances, "operator", "settlement-bank", "issuing-bank"))
	return mux
}

func (s server) message(w http.ResponseWriter, r *http.Request) {
	xml, err := s.a.Queries.Message.Handle(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml")
	_, _ = w.Write(xml)
}

func (s server) balances(w http.ResponseWriter, r *http.Request) {
	l, err := s.a.Queries.Balances.Handle(r.Context())
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"accounts": l})
}

type server struct{ a app.Application }

func roles(h http.HandlerFunc, allowed ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Tradefin-Actor") == "" {
			problem.Write(w, r, problem.New(problem.Unauthorized, "No actor", "X-Tradefin-Actor is required"))
			return
		}
		if !slices.Contains(allowed, r.Header.Get("X-Tradefin-Role")) {
			problem.Write(w, r, problem.New(problem.Forbidden, "Role not allowed", "this operation needs one of the roles: "+join(allowed)))
			return
		}
		h(w, r)
	})
}

func join(s []string) string {
	b, _ := json.Marshal(s)
	return string(b)
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

type raiseRequest struct {
	TradeID            string      `json:"tradeId"`
	LCID               string      `json:"lcId"`
	PresentationID     string      `json:"presentationId"`
	Amount             money.Money `json:"amount"`
	IssuingBank        string      `json:"issuingBank"`
	AdvisingBank       string      `json:"advisingBank"`
	Beneficiary        string      `json:"beneficiary"`
	BeneficiaryAccount string      `json:"beneficiaryAccount"`
	AccountCurrency    string      `json:"accountCurrency"`
}

func (s server) raise(w http.ResponseWriter, r *http.Request) {
	var in raiseRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		fail(w, r, problem.New(problem.Invalid, "Malformed JSON", err.Error()))
		return
	}
	o := domain.Obligation{TradeID: in.TradeID, LCID: in.LCID, PresentationID: in.PresentationID, Amount: in.Amount,
		IssuingBank: in.IssuingBank, AdvisingBank: in.AdvisingBank, Beneficiary: in.Beneficiary, BeneficiaryAccount: in.BeneficiaryAccount}
	if in.AccountCurrency != "" {
		c, err := money.ParseCurrency(in.AccountCurrency)
		if err != nil {
			fail(w, r, problem.InvalidFields(problem.InvalidParam{Name: "accountCurrency", Reason: err.Error()}))
			return
		}
		o.AccountCurrency = c
	}
	p, created, err := s.a.Commands.RaisePayment.Handle(r.Context(), o)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/payments/"+p.ID())
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, view(p))
}

func (s server) get(w http.ResponseWriter, r *http.Request) {
	p, err := s.a.Queries.Payment.Handle(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, view(p))
}

func (s server) instruct(w http.ResponseWriter, r *http.Request) {
	_, xml, err := s.a.Commands.Instruct.Handle(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml")
	_, _ = w.Write(xml)
}

func (s server) status(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		fail(w, r, problem.New(problem.Invalid, "Unreadable body", err.Error()))
		return
	}
	p, err := s.a.Commands.ApplyStatus.Handle(r.Context(), r.PathValue("id"), body)
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
}

func view(p *domain.Payment) paymentView {
	v := paymentView{ID: p.ID(), TradeID: p.Obligation.TradeID, LCID: p.Obligation.LCID, Status: p.Status, Amount: p.Obligation.Amount,
		FX: p.Rate, MsgID: p.MsgID, EndToEndID: p.EndToEndID, UETR: p.UETR, SettlementDate: p.SettlementDate,
		StatusCode: p.StatusCode, FailureReason: p.FailureReason, Postings: p.Postings.Entries()}
	if p.Status != domain.StatusRaised {
		c, at := p.Credited, p.InstructedAt
		v.Credited, v.InstructedAt = &c, &at
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

package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/settlement/adapters/iso20022"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

func (s server) get(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	p, err := s.a.Queries.Payment.Handle(r.Context(), a, r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, paymentOf(p))
}

// release instructs the payment (200, the current attempt's pacs.009: the first, or a new one
// after a rejection that may pass by itself) or, above the four-eyes threshold, records the
// request and answers 202 with the payment awaiting approval.
func (s server) release(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	p, err := s.a.Commands.Release.Handle(r.Context(), a, command.Release{PaymentID: r.PathValue("id")})
	s.instructed(w, r, p, err)
}

// approve is the checker's approval: the attempt is instructed, its pacs.009 returned.
func (s server) approve(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	p, err := s.a.Commands.Approve.Handle(r.Context(), a, command.Approve{PaymentID: r.PathValue("id")})
	s.instructed(w, r, p, err)
}

// correct corrects a rejected payment's instruction: the next attempt's pacs.009 (200), or the
// payment awaiting a checker (202).
func (s server) correct(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	var req CorrectionRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		fail(w, r, problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: err.Error()}))
		return
	}
	p, err := s.a.Commands.Correct.Handle(r.Context(), a, command.Correct{PaymentID: r.PathValue("id"), CreditorAccount: req.CreditorAccount})
	s.instructed(w, r, p, err)
}

// instructed answers a command that instructs: the current attempt's pacs.009, or 202 and the
// payment while it awaits a checker.
func (s server) instructed(w http.ResponseWriter, r *http.Request, p *domain.Payment, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	if p.Status == domain.StatusAwaitingApproval {
		w.Header().Set("Location", "/v1/payments/"+p.ID())
		writeJSON(w, http.StatusAccepted, paymentOf(p))
		return
	}
	xml, err := iso20022.Pacs009(p, p.Current())
	if err != nil {
		fail(w, r, err)
		return
	}
	writeXML(w, http.StatusOK, xml)
}

// status applies a pacs.002: decoded here (a document that is no pacs.002 is refused before the
// payment is read), applied to its attempt by the app.
func (s server) status(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	switch {
	case err != nil:
		fail(w, r, problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: "unreadable: " + err.Error()}))
		return
	case len(body) > maxBody: // the description's validator refuses it first; this holds without it
		fail(w, r, problem.New(problem.TooLarge, "Status report too large", "a pacs.002 is at most "+strconv.Itoa(maxBody)+" bytes"))
		return
	}
	rep, err := iso20022.ParsePacs002(body)
	if err != nil {
		fail(w, r, problem.New(problem.Unprocessable, "Not a pacs.002 status report", err.Error()))
		return
	}
	p, err := s.a.Commands.ApplyStatusReport.Handle(r.Context(), a, command.ApplyStatusReport{PaymentID: r.PathValue("id"), Report: rep})
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, paymentOf(p))
}

// message serves an attempt's pacs.009 (?attempt=n; the current one by default), rebuilt from
// the recorded instruction and byte-identical to the message sent.
func (s server) message(w http.ResponseWriter, r *http.Request, a identity.Actor) {
	n := 0
	if q := r.URL.Query().Get("attempt"); q != "" {
		v, err := strconv.Atoi(q) // the description bounds it to 1..MaxAttempts
		if err != nil {
			fail(w, r, problem.InvalidFields(problem.InvalidParam{Name: "attempt", Reason: "an attempt number"}))
			return
		}
		n = v
	}
	p, at, err := s.a.Queries.Attempt.Handle(r.Context(), a, r.PathValue("id"), n)
	if err != nil {
		fail(w, r, err)
		return
	}
	xml, err := iso20022.Pacs009(p, at)
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
	writeJSON(w, http.StatusOK, balancesOf(l))
}

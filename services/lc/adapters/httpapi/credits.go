package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/adapters/swiftmap"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The requests the credit's commands take.
type (
	applyRequest struct {
		ID      string   `json:"id"`
		TradeID string   `json:"tradeId"`
		Terms   termsDTO `json:"terms"`
	}
	presentRequest struct {
		PresentationID string       `json:"presentationId"`
		Presentation   presentedDTO `json:"presentation"`
	}
	answerRequest struct {
		Accepted *bool       `json:"accepted"`
		Date     domain.Date `json:"date"`
	}
	cancelRequest struct {
		Reason string `json:"reason"`
	}
)

func writeCredit(w http.ResponseWriter, r *http.Request, status int, lc *domain.LetterOfCredit) {
	msgs, err := swiftmap.Messages(lc)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, status, viewOf(lc, msgs))
}

// credit answers a command that returns the credit.
func credit(w http.ResponseWriter, r *http.Request, lc *domain.LetterOfCredit, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	writeCredit(w, r, http.StatusOK, lc)
}

// accepted is a required yes-or-no answer.
func (a answerRequest) accepted(w http.ResponseWriter, r *http.Request, meaning string) (bool, bool) {
	if a.Accepted == nil {
		fail(w, r, problem.InvalidFields(problem.InvalidParam{Name: "accepted", Reason: "required: " + meaning}))
		return false, false
	}
	return *a.Accepted, true
}

func registerCredits(mux *apispec.Mux, a app.Application) {
	registerExamination(mux, a)
	c := a.Commands
	mux.HandleFunc("POST /v1/letters-of-credit", func(w http.ResponseWriter, r *http.Request) {
		var req applyRequest
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, created, err := c.ApplyForCredit.Handle(r.Context(), command.ApplyForCredit{ID: req.ID, TradeID: req.TradeID, Terms: req.Terms.domain()})
		if err != nil {
			fail(w, r, err)
			return
		}
		status := http.StatusOK // the same application again: the credit it created
		if created {
			status = http.StatusCreated
			w.Header().Set("Location", "/v1/letters-of-credit/"+lc.ID)
		}
		writeCredit(w, r, status, lc)
	})
	mux.HandleFunc("GET /v1/letters-of-credit/{id}", func(w http.ResponseWriter, r *http.Request) {
		lc, err := a.Queries.Credit.Get(r.Context(), r.PathValue("id"))
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/issue", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			IssueDate domain.Date `json:"issueDate"`
		}
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := c.IssueCredit.Handle(r.Context(), command.IssueCredit{ID: r.PathValue("id"), On: req.IssueDate})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/issue/approval", func(w http.ResponseWriter, r *http.Request) {
		lc, err := c.ApproveIssue.Handle(r.Context(), r.PathValue("id"))
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/advice", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			AdvisedOn domain.Date `json:"advisedOn"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			fail(w, r, err)
			return
		}
		lc, err := c.AdviseCredit.Handle(r.Context(), command.AdviseCredit{ID: r.PathValue("id"), On: req.AdvisedOn})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/acceptance", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			AcceptedOn domain.Date `json:"acceptedOn"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			fail(w, r, err)
			return
		}
		lc, err := c.AcceptCredit.Handle(r.Context(), command.AcceptCredit{ID: r.PathValue("id"), On: req.AcceptedOn})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations", func(w http.ResponseWriter, r *http.Request) {
		var req presentRequest
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		res, err := c.PresentDocuments.Handle(r.Context(), command.PresentDocuments{CreditID: r.PathValue("id"), PresentationID: req.PresentationID,
			Presentation: req.Presentation.domain()})
		if err != nil {
			fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, examinationOf(res))
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/waiver", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Date domain.Date `json:"date"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			fail(w, r, err)
			return
		}
		lc, err := c.WaiveDiscrepancies.Handle(r.Context(), command.WaiveDiscrepancies{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"), On: req.Date})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/waiver/decision", func(w http.ResponseWriter, r *http.Request) {
		var req answerRequest
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		accepted, ok := req.accepted(w, r, "true honours the credit, false keeps the refusal")
		if !ok {
			return
		}
		lc, err := c.DecideWaiver.Handle(r.Context(), command.DecideWaiver{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"), Accepted: accepted, On: req.Date})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/cancellation", func(w http.ResponseWriter, r *http.Request) {
		var req cancelRequest
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := c.ProposeCancel.Handle(r.Context(), command.ProposeCancellation{CreditID: r.PathValue("id"), Reason: req.Reason})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/cancellation/answer", func(w http.ResponseWriter, r *http.Request) {
		var req answerRequest
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		accepted, ok := req.accepted(w, r, "true consents to the cancellation, false keeps the credit (UCP 600 Art. 10(a))")
		if !ok {
			return
		}
		lc, err := c.AnswerCancel.Handle(r.Context(), command.AnswerCancellation{CreditID: r.PathValue("id"), Accepted: accepted})
		credit(w, r, lc, err)
	})
}

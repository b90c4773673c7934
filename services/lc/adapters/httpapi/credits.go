package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/adapters/swiftmap"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// creditView is a credit as the API returns it: its state and the SWIFT messages it produced.
type creditView struct {
	ID            string                        `json:"id"`
	TradeID       string                        `json:"tradeId"`
	Status        domain.Status                 `json:"status"`
	Terms         domain.Terms                  `json:"terms"`
	IssueDate     domain.Date                   `json:"issueDate,omitzero"`
	AdvisedOn     domain.Date                   `json:"advisedOn,omitzero"`
	AcceptedOn    domain.Date                   `json:"acceptedOn,omitzero"`
	Presentations []domain.ExaminedPresentation `json:"presentations"`
	Amendments    []domain.Amendment            `json:"amendments"`
	Messages      []swiftmap.Message            `json:"messages"`
}

func writeCredit(w http.ResponseWriter, r *http.Request, status int, lc *domain.LetterOfCredit) {
	msgs, err := swiftmap.Messages(lc)
	if err != nil {
		problem.Write(w, r, err)
		return
	}
	ps := lc.Presentations
	if ps == nil {
		ps = []domain.ExaminedPresentation{}
	}
	as := lc.Amendments
	if as == nil {
		as = []domain.Amendment{}
	}
	writeJSON(w, status, creditView{ID: lc.ID, TradeID: lc.TradeID, Status: lc.Status, Terms: lc.Terms, IssueDate: lc.IssueDate, AdvisedOn: lc.AdvisedOn, AcceptedOn: lc.AcceptedOn, Presentations: ps, Amendments: as, Messages: msgs})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func registerCredits(mux *apispec.Mux, a app.Application) {
	mux.HandleFunc("POST /v1/letters-of-credit", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ID      string       `json:"id"`
			TradeID string       `json:"tradeId"`
			Terms   domain.Terms `json:"terms"`
		}
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		lc, created, err := a.Commands.ApplyForCredit.Handle(r.Context(), command.ApplyForCredit{ID: req.ID, TradeID: req.TradeID, Terms: req.Terms})
		if err != nil {
			problem.Write(w, r, err)
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
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/issue", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			IssueDate domain.Date `json:"issueDate"`
		}
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		lc, err := a.Commands.IssueCredit.Handle(r.Context(), command.IssueCredit{ID: r.PathValue("id"), On: req.IssueDate})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/advice", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			AdvisedOn domain.Date `json:"advisedOn"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			problem.Write(w, r, err)
			return
		}
		lc, err := a.Commands.AdviseCredit.Handle(r.Context(), command.AdviseCredit{ID: r.PathValue("id"), On: req.AdvisedOn})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/acceptance", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			AcceptedOn domain.Date `json:"acceptedOn"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			problem.Write(w, r, err)
			return
		}
		lc, err := a.Commands.AcceptCredit.Handle(r.Context(), command.AcceptCredit{ID: r.PathValue("id"), On: req.AcceptedOn})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/amendments", func(w http.ResponseWriter, r *http.Request) {
		var req domain.Amendment
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		lc, err := a.Commands.AmendCredit.Handle(r.Context(), command.AmendCredit{ID: r.PathValue("id"), Amendment: req})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/amendments/{n}/answer", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Accepted bool `json:"accepted"`
		}
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil {
			problem.Write(w, r, problem.InvalidFields(problem.InvalidParam{Name: "n", Reason: "the amendment's number"}))
			return
		}
		lc, err := a.Commands.AnswerAmendment.Handle(r.Context(), command.AnswerAmendment{ID: r.PathValue("id"), Number: n, Accepted: req.Accepted})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			PresentationID string              `json:"presentationId"`
			Presentation   domain.Presentation `json:"presentation"`
			Holidays       []domain.Date       `json:"holidays"`
		}
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		if req.PresentationID == "" {
			problem.Write(w, r, problem.InvalidFields(problem.InvalidParam{Name: "presentationId", Reason: "required (it makes a retried presentation harmless)"}))
			return
		}
		res, err := a.Commands.PresentDocuments.Handle(r.Context(), command.PresentDocuments{CreditID: r.PathValue("id"), PresentationID: req.PresentationID, Presentation: req.Presentation, Holidays: req.Holidays})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, res)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/waiver", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Date domain.Date `json:"date"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			problem.Write(w, r, err)
			return
		}
		lc, err := a.Commands.WaiveDiscrepancies.Handle(r.Context(), command.WaiveDiscrepancies{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"), On: req.Date})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/waiver/decision", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Accepted *bool       `json:"accepted"`
			Date     domain.Date `json:"date"`
		}
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		if req.Accepted == nil {
			problem.Write(w, r, problem.InvalidFields(problem.InvalidParam{Name: "accepted", Reason: "required: true honours the credit, false keeps the refusal"}))
			return
		}
		lc, err := a.Commands.DecideWaiver.Handle(r.Context(), command.DecideWaiver{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"), Accepted: *req.Accepted, On: req.Date})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/issue/approval", func(w http.ResponseWriter, r *http.Request) {
		lc, err := a.Commands.ApproveIssue.Handle(r.Context(), r.PathValue("id"))
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		writeCredit(w, r, http.StatusOK, lc)
	})
}

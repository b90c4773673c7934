package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The examination as a bank task: the examiner's decision and the bank's queue.
type (
	decisionRequest struct {
		Decision      string           `json:"decision"` // HONOUR or REFUSE
		Disposal      domain.Disposal  `json:"disposal,omitempty"`
		Discrepancies []discrepancyDTO `json:"discrepancies,omitempty"` // the examiner's findings; none: the automatic examination's
	}
	// examinationClock is a presentation's receipt and deadline, and where its decision stands.
	examinationClock struct {
		Status     string `json:"status"` // QUEUED, HONOURED, REFUSED
		ReceivedAt string `json:"receivedAt,omitempty"`
		DeadlineAt string `json:"deadlineAt,omitempty"` // the close of the Art. 14(b) deadline at the bank's place (RFC 3339)
		Precluded  bool   `json:"precluded,omitempty"`  // the deadline passed undecided: honoured (Art. 16(f))
	}
	queuedView struct {
		CreditID       string          `json:"creditId"`
		TradeID        string          `json:"tradeId"`
		PresentationID string          `json:"presentationId"`
		Presentation   presentationDTO `json:"presentation"`
		Findings       examinationDTO  `json:"findings"`
		ReceivedAt     string          `json:"receivedAt"`
		DeadlineAt     string          `json:"deadlineAt"`
	}
)

func clockOf(p domain.ExaminedPresentation) examinationClock {
	c := examinationClock{Status: "QUEUED", ReceivedAt: rfc3339(p.ReceivedAt), DeadlineAt: rfc3339(p.DeadlineAt), Precluded: p.Precluded}
	switch {
	case p.Honoured:
		c.Status = "HONOURED"
	case p.Refusal != nil:
		c.Status = "REFUSED"
	}
	return c
}

func registerExamination(mux *apispec.Mux, a app.Application) {
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/decision", func(w http.ResponseWriter, r *http.Request) {
		var req decisionRequest
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		d := domain.ExaminationDecision{Honour: req.Decision == "HONOUR", Disposal: req.Disposal}
		if req.Decision != "HONOUR" && req.Decision != "REFUSE" {
			fail(w, r, problem.InvalidFields(problem.InvalidParam{Name: "decision", Reason: "HONOUR or REFUSE (UCP 600 Art. 15, 16)"}))
			return
		}
		d.Findings = findingsOf(req.Discrepancies)
		lc, err := a.Commands.DecideExamination.Handle(r.Context(), command.DecideExamination{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"), Decision: d})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("GET /v1/examination-queue", func(w http.ResponseWriter, r *http.Request) {
		q, err := a.Queries.ExaminationQueue.Handle(r.Context())
		if err != nil {
			fail(w, r, err)
			return
		}
		out := make([]queuedView, 0, len(q))
		for _, e := range q {
			out = append(out, queuedView{CreditID: e.CreditID, TradeID: e.TradeID, PresentationID: e.PresentationID, Presentation: presentationOf(e.Presentation),
				Findings: examinationOf(e.Findings), ReceivedAt: rfc3339(e.ReceivedAt), DeadlineAt: rfc3339(e.DeadlineAt)})
		}
		writeJSON(w, http.StatusOK, map[string]any{"examinations": out})
	})
}

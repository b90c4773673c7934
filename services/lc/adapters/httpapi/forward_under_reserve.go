package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The nominated bank's forwarding of discrepant documents under reserve (UCP 600 Art. 12(a),
// 16; MT750), and how a presentation shows it.
type (
	forwardRequest struct {
		Discrepancies []discrepancyDTO `json:"discrepancies,omitempty"` // the nominated bank's findings; none: the automatic examination's
	}
	reserveView struct {
		By            string           `json:"by"` // the nominated bank's BIC
		On            domain.Date      `json:"on"`
		Discrepancies []discrepancyDTO `json:"discrepancies"`
	}
)

func reserveViewOf(r *domain.UnderReserve) *reserveView {
	if r == nil {
		return nil
	}
	return &reserveView{By: r.By, On: r.On, Discrepancies: discrepanciesOf(r.Discrepancies)}
}

// findingsOf are the examiner's findings as the domain takes them.
func findingsOf(ds []discrepancyDTO) []domain.Discrepancy {
	var out []domain.Discrepancy
	for _, f := range ds {
		out = append(out, domain.Discrepancy{Rule: f.Rule, Document: domain.DocumentKind(f.Document), Field: f.Field, Message: f.Message})
	}
	return out
}

func registerForwardUnderReserve(mux *apispec.Mux, a app.Application) {
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/forward-under-reserve", func(w http.ResponseWriter, r *http.Request) {
		var req forwardRequest
		if err := decodeOptional(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := a.Commands.ForwardUnderReserve.Handle(r.Context(), command.ForwardUnderReserve{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"), Findings: findingsOf(req.Discrepancies)})
		credit(w, r, lc, err)
	})
}

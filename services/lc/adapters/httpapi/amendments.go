package httpapi

import (
	"net/http"
	"strconv"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The API's form of an amendment (MT707 fields): what POST .../amendments and
// .../amendment-requests take, and what the credit's view shows of each.
type (
	amendmentDTO struct {
		Date                      domain.Date    `json:"date,omitzero"`
		NewExpiry                 domain.Date    `json:"newExpiry,omitzero"`
		Increase                  *money.Money   `json:"increase,omitempty"`
		Decrease                  *money.Money   `json:"decrease,omitempty"`
		NewLatestShipment         domain.Date    `json:"newLatestShipment,omitzero"`
		NewTolerance              *toleranceDTO  `json:"newTolerance,omitempty"`
		NewPartialShipments       string         `json:"newPartialShipments,omitempty"`
		NewTranshipment           string         `json:"newTranshipment,omitempty"`
		NewPortOfLoading          string         `json:"newPortOfLoading,omitempty"`
		NewPortOfDischarge        string         `json:"newPortOfDischarge,omitempty"`
		NewPresentationPeriodDays int            `json:"newPresentationPeriodDays,omitempty"`
		NewBeneficiary            *partyDTO      `json:"newBeneficiary,omitempty"`
		Goods                     []narrativeDTO `json:"goods,omitempty"`
		Documents                 []narrativeDTO `json:"documents,omitempty"`
		Conditions                []narrativeDTO `json:"conditions,omitempty"`
	}
	narrativeDTO struct {
		Code     string `json:"code"`
		Text     string `json:"text,omitempty"`
		Document string `json:"document,omitempty"`
	}
	amendmentView struct {
		Number int `json:"number"`
		amendmentDTO
		Fields      []string       `json:"fields"` // the MT707 tags it changes
		Status      string         `json:"status"` // REQUESTED, PROPOSED, ACCEPTED, REJECTED, DECLINED
		RequestedBy identity.Stamp `json:"requestedBy,omitzero"`
		AdvisedOn   domain.Date    `json:"advisedOn,omitzero"`
		Partial     bool           `json:"partial,omitempty"`
	}
	amendmentAnswerRequest struct {
		Accepted *bool    `json:"accepted"`
		Excepted []string `json:"excepted"`
	}
)

func (a amendmentDTO) domain() domain.Amendment {
	out := domain.Amendment{Date: a.Date, NewExpiry: a.NewExpiry, Increase: a.Increase, Decrease: a.Decrease, NewLatestShipment: a.NewLatestShipment,
		TermChanges: domain.TermChanges{NewTolerance: (*domain.Tolerance)(a.NewTolerance), NewPartialShipments: domain.Permission(a.NewPartialShipments),
			NewTranshipment: domain.Permission(a.NewTranshipment), NewPortOfLoading: a.NewPortOfLoading, NewPortOfDischarge: a.NewPortOfDischarge,
			NewPresentationPeriodDays: a.NewPresentationPeriodDays, NewBeneficiary: (*domain.Party)(a.NewBeneficiary)},
		Narrative: domain.Narrative{Goods: narrativeOf(a.Goods), Documents: narrativeOf(a.Documents), Conditions: narrativeOf(a.Conditions)}}
	return out
}

func narrativeOf(ns []narrativeDTO) []domain.NarrativeChange {
	var out []domain.NarrativeChange
	for _, n := range ns {
		out = append(out, domain.NarrativeChange{Code: domain.NarrativeCode(n.Code), Text: n.Text, Document: domain.DocumentKind(n.Document)})
	}
	return out
}

func narrativeDTOs(cs []domain.NarrativeChange) []narrativeDTO {
	var out []narrativeDTO
	for _, c := range cs {
		out = append(out, narrativeDTO{Code: string(c.Code), Text: c.Text, Document: string(c.Document)})
	}
	return out
}

func amendmentViewOf(a domain.Amendment) amendmentView {
	return amendmentView{Number: a.Number, Fields: append([]string{}, a.Fields()...), Status: a.Status, RequestedBy: a.RequestedBy, AdvisedOn: a.AdvisedOn, Partial: a.Partial,
		amendmentDTO: amendmentDTO{Date: a.Date, NewExpiry: a.NewExpiry, Increase: a.Increase, Decrease: a.Decrease, NewLatestShipment: a.NewLatestShipment,
			NewTolerance: (*toleranceDTO)(a.NewTolerance), NewPartialShipments: string(a.NewPartialShipments), NewTranshipment: string(a.NewTranshipment),
			NewPortOfLoading: a.NewPortOfLoading, NewPortOfDischarge: a.NewPortOfDischarge, NewPresentationPeriodDays: a.NewPresentationPeriodDays,
			NewBeneficiary: (*partyDTO)(a.NewBeneficiary), Goods: narrativeDTOs(a.Goods), Documents: narrativeDTOs(a.Documents), Conditions: narrativeDTOs(a.Conditions)}}
}

// amendmentNumber is the path's {n}.
func amendmentNumber(w http.ResponseWriter, r *http.Request) (int, bool) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil {
		fail(w, r, problem.InvalidFields(problem.InvalidParam{Name: "n", Reason: "the amendment's number"}))
		return 0, false
	}
	return n, true
}

// registerAmendments mounts an amendment's steps: the applicant requests, the issuing bank issues
// (its own, or the request) or declines, the advising bank advises (UCP 600 Art. 9(d)), the
// beneficiary accepts or rejects it as a whole (Art. 10(c), (e)).
func registerAmendments(mux *apispec.Mux, a app.Application) {
	c := a.Commands
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/amendments", func(w http.ResponseWriter, r *http.Request) {
		var req amendmentDTO
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := c.AmendCredit.Handle(r.Context(), command.AmendCredit{ID: r.PathValue("id"), Amendment: req.domain()})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/amendment-requests", func(w http.ResponseWriter, r *http.Request) {
		var req amendmentDTO
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := c.RequestAmendment.Handle(r.Context(), command.RequestAmendment{ID: r.PathValue("id"), Amendment: req.domain()})
		credit(w, r, lc, err)
	})
	amendmentStep(mux, "POST /v1/letters-of-credit/{id}/amendments/{n}/issue", decodeOptional,
		func(r *http.Request, n int, req struct {
			Date domain.Date `json:"date"`
		}) (*domain.LetterOfCredit, error) {
			return c.DecideAmendment.Handle(r.Context(), command.DecideAmendmentRequest{ID: r.PathValue("id"), Number: n, Issue: true, On: req.Date})
		})
	amendmentStep(mux, "POST /v1/letters-of-credit/{id}/amendments/{n}/decline", decode,
		func(r *http.Request, n int, req cancelRequest) (*domain.LetterOfCredit, error) {
			return c.DecideAmendment.Handle(r.Context(), command.DecideAmendmentRequest{ID: r.PathValue("id"), Number: n, Reason: req.Reason})
		})
	amendmentStep(mux, "POST /v1/letters-of-credit/{id}/amendments/{n}/advice", decodeOptional,
		func(r *http.Request, n int, req struct {
			AdvisedOn domain.Date `json:"advisedOn"`
		}) (*domain.LetterOfCredit, error) {
			return c.AdviseAmendment.Handle(r.Context(), command.AdviseAmendment{ID: r.PathValue("id"), Number: n, On: req.AdvisedOn})
		})
	amendmentStep(mux, "POST /v1/letters-of-credit/{id}/amendments/{n}/answer", decode,
		func(r *http.Request, n int, req amendmentAnswerRequest) (*domain.LetterOfCredit, error) {
			if req.Accepted == nil {
				return nil, problem.InvalidFields(problem.InvalidParam{Name: "accepted", Reason: "required: true accepts the amendment, false rejects it (UCP 600 Art. 10(c))"})
			}
			return c.AnswerAmendment.Handle(r.Context(), command.AnswerAmendment{ID: r.PathValue("id"), Number: n, Accepted: *req.Accepted, Excepted: req.Excepted})
		})
}

// amendmentStep mounts one step on amendment {n} of credit {id}: the number read, the body
// decoded into a Req by read (decode, or decodeOptional where the body may be empty), then do;
// it answers the credit.
func amendmentStep[Req any](mux *apispec.Mux, pattern string, read func(*http.Request, any) error,
	do func(r *http.Request, n int, req Req) (*domain.LetterOfCredit, error)) {
	amendmentStepAnswering(mux, pattern, read, credit, do)
}

// amendmentStepAnswering is amendmentStep answering with answer (the transferred credit's
// steps answer the transferred credit).
func amendmentStepAnswering[Req any](mux *apispec.Mux, pattern string, read func(*http.Request, any) error,
	answer func(http.ResponseWriter, *http.Request, *domain.LetterOfCredit, error), do func(r *http.Request, n int, req Req) (*domain.LetterOfCredit, error)) {
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		n, ok := amendmentNumber(w, r)
		if !ok {
			return
		}
		var req Req
		if err := read(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := do(r, n, req)
		answer(w, r, lc, err)
	})
}

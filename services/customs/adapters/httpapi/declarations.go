package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/app"
	"github.com/tradefin/tradefin/services/customs/domain"
)

type declarationView struct {
	ID                 string                        `json:"id"`
	TradeID            string                        `json:"tradeId"`
	Direction          domain.Direction              `json:"direction"`
	Status             domain.DeclarationStatus      `json:"status"`
	Declarant          string                        `json:"declarant"`
	CustomsOffice      string                        `json:"customsOffice"`
	LodgedBy           identity.Stamp                `json:"lodgedBy"`
	OriginCountry      string                        `json:"originCountry"`
	DestinationCountry string                        `json:"destinationCountry"`
	Lines              []domain.Line                 `json:"lines"`
	Documents          []string                      `json:"documents"`
	RiskLane           domain.RiskLane               `json:"riskLane"`
	RiskReason         string                        `json:"riskReason"`
	Inspection         *domain.Inspected             `json:"inspection,omitempty"`
	Duty               *money.Money                  `json:"duty,omitempty"`
	DutyRates          map[string]domain.BasisPoints `json:"dutyRatesBasisPoints,omitempty"`
	DutyAssessedBy     *identity.Stamp               `json:"dutyAssessedBy,omitempty"`
	DutyPaid           *domain.DutyPaid              `json:"dutyPaid,omitempty"`
	DutyGuarantee      *domain.DutyGuaranteed        `json:"dutyGuarantee,omitempty"`
}

func viewDeclaration(d *domain.Declaration) declarationView {
	v := declarationView{ID: d.ID, TradeID: d.TradeID, Direction: d.Direction, Status: d.Status, Declarant: d.Declarant,
		CustomsOffice: d.CustomsOffice, LodgedBy: d.DeclarationLodged.Actor,
		OriginCountry: d.OriginCountry, DestinationCountry: d.DestinationCountry, Lines: d.Lines, Documents: d.Documents,
		RiskLane: d.Lane, RiskReason: d.LaneReason, Inspection: d.Inspection, DutyPaid: d.Paid,
		DutyGuarantee: d.Guarantee}
	if d.Duty != nil {
		v.Duty, v.DutyRates, v.DutyAssessedBy = &d.Duty.Duty, d.Duty.Rates, &d.Duty.Actor
	}
	return v
}

func registerDeclarations(mux *apispec.Mux, a app.Application) {
	decide := a.Commands.Declarations
	// The declarant is the caller's organisation; a body may name it, but naming another is 403.
	mux.HandleFunc("POST /v1/declarations", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		var req struct {
			ID                 string           `json:"id"`
			TradeID            string           `json:"tradeId"`
			Direction          domain.Direction `json:"direction"`
			Declarant          string           `json:"declarant"`
			CustomsOffice      string           `json:"customsOffice"`
			OriginCountry      string           `json:"originCountry"`
			DestinationCountry string           `json:"destinationCountry"`
			Lines              []domain.Line    `json:"lines"`
			Documents          []string         `json:"documents"` // SHA-256 of registered documents
		}
		if err := decode(r, &req); err != nil {
			return 0, nil, err
		}
		d, isNew, err := a.Commands.LodgeDeclaration.Handle(r.Context(), actor, domain.DeclarationLodged{ID: req.ID, TradeID: req.TradeID,
			Direction: req.Direction, Declarant: req.Declarant, CustomsOffice: req.CustomsOffice, OriginCountry: req.OriginCountry,
			DestinationCountry: req.DestinationCountry, Lines: req.Lines, Documents: req.Documents})
		if err != nil {
			return 0, nil, err
		}
		return created(isNew), viewDeclaration(d), nil
	}))
	mux.HandleFunc("GET /v1/declarations/{id}", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		d, err := a.Queries.Declaration(r.Context(), actor, r.PathValue("id"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, viewDeclaration(d), nil
	}))
	answer := func(fn func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error)) http.HandlerFunc {
		return authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
			d, err := fn(r, actor, r.PathValue("id"))
			if err != nil {
				return 0, nil, err
			}
			return http.StatusOK, viewDeclaration(d), nil
		})
	}
	mux.HandleFunc("POST /v1/declarations/{id}/inspection", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		var req struct {
			Result string `json:"result"` // passed or failed
			Note   string `json:"note"`
		}
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		if req.Result != "passed" && req.Result != "failed" {
			return nil, problem.InvalidFields(problem.InvalidParam{Name: "result", Reason: "passed or failed"})
		}
		return decide.Inspect(r.Context(), actor, id, req.Result == "passed", req.Note)
	}))
	mux.HandleFunc("POST /v1/declarations/{id}/clearance", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		return decide.Clear(r.Context(), actor, id)
	}))
	mux.HandleFunc("POST /v1/declarations/{id}/duty-assessment", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		return decide.AssessDuty(r.Context(), actor, id)
	}))
	mux.HandleFunc("POST /v1/declarations/{id}/duty-payment", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		var req struct {
			Amount    money.Money `json:"amount"`
			Reference string      `json:"reference"`
		}
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		return decide.PayDuty(r.Context(), actor, id, req.Amount, req.Reference)
	}))
	mux.HandleFunc("POST /v1/declarations/{id}/duty-guarantee", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		var req struct {
			Amount    money.Money `json:"amount"`
			Guarantor string      `json:"guarantor"`
			Reference string      `json:"reference"`
		}
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		return decide.GuaranteeDuty(r.Context(), actor, id, req.Amount, req.Guarantor, req.Reference)
	}))
	mux.HandleFunc("POST /v1/declarations/{id}/release", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		return decide.Release(r.Context(), actor, id)
	}))
}

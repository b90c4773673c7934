package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/money"
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
	OriginCountry      string                        `json:"originCountry"`
	DestinationCountry string                        `json:"destinationCountry"`
	Lines              []domain.Line                 `json:"lines"`
	Documents          []string                      `json:"documents"`
	RiskLane           domain.RiskLane               `json:"riskLane"`
	RiskReason         string                        `json:"riskReason"`
	Inspection         *domain.Inspected             `json:"inspection,omitempty"`
	Duty               *money.Money                  `json:"duty,omitempty"`
	DutyRates          map[string]domain.BasisPoints `json:"dutyRatesBasisPoints,omitempty"`
	DutyPaid           *domain.DutyPaid              `json:"dutyPaid,omitempty"`
	DutyGuarantee      *domain.DutyGuaranteed        `json:"dutyGuarantee,omitempty"`
}

func viewDeclaration(d *domain.Declaration) declarationView {
	v := declarationView{ID: d.ID, TradeID: d.TradeID, Direction: d.Direction, Status: d.Status, Declarant: d.Declarant,
		OriginCountry: d.OriginCountry, DestinationCountry: d.DestinationCountry, Lines: d.Lines, Documents: d.Documents,
		RiskLane: d.Lane, RiskReason: d.LaneReason, Inspection: d.Inspection, DutyPaid: d.Paid,
		DutyGuarantee: d.Guarantee}
	if d.Duty != nil {
		v.Duty, v.DutyRates = &d.Duty.Duty, d.Duty.Rates
	}
	return v
}

func registerDeclarations(mux *http.ServeMux, a app.Application) {
	decide := a.Commands.Declarations
	mux.HandleFunc("POST /v1/declarations", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ID                 string           `json:"id"`
			TradeID            string           `json:"tradeId"`
			Direction          domain.Direction `json:"direction"`
			Declarant          string           `json:"declarant"`
			OriginCountry      string           `json:"originCountry"`
			DestinationCountry string           `json:"destinationCountry"`
			Lines              []domain.Line    `json:"lines"`
			Documents          []string         `json:"documents"` // SHA-256 of registered documents
		}
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		// The exporter lodges the export declaration, the importer the import one.
		role := map[domain.Direction]string{domain.Export: "exporter", domain.Import: "importer"}[req.Direction]
		allow(func(r *http.Request, actor string) (int, any, error) {
			d, isNew, err := a.Commands.LodgeDeclaration.Handle(r.Context(), domain.DeclarationLodged{ID: req.ID, TradeID: req.TradeID,
				Direction: req.Direction, Declarant: req.Declarant, OriginCountry: req.OriginCountry, DestinationCountry: req.DestinationCountry,
				Lines: req.Lines, Documents: req.Documents})
			if err != nil {
				return 0, nil, err
			}
			return created(isNew), viewDeclaration(d), nil
		}, role)(w, r)
	})
	mux.HandleFunc("GET /v1/declarations/{id}", allow(func(r *http.Request, _ string) (int, any, error) {
		d, err := a.Queries.Declaration(r.Context(), r.PathValue("id"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, viewDeclaration(d), nil
	}))
	answer := func(fn func(r *http.Request, id, actor string) (*domain.Declaration, error)) handler {
		return func(r *http.Request, actor string) (int, any, error) {
			d, err := fn(r, r.PathValue("id"), actor)
			if err != nil {
				return 0, nil, err
			}
			return http.StatusOK, viewDeclaration(d), nil
		}
	}
	mux.HandleFunc("POST /v1/declarations/{id}/inspection", allow(answer(func(r *http.Request, id, actor string) (*domain.Declaration, error) {
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
		return decide.Inspect(r.Context(), id, req.Result == "passed", req.Note, actor)
	}), "customs-export", "customs-import"))
	mux.HandleFunc("POST /v1/declarations/{id}/clearance", allow(answer(func(r *http.Request, id, actor string) (*domain.Declaration, error) {
		return decide.Clear(r.Context(), id, actor)
	}), "customs-export"))
	mux.HandleFunc("POST /v1/declarations/{id}/duty-assessment", allow(answer(func(r *http.Request, id, actor string) (*domain.Declaration, error) {
		return decide.AssessDuty(r.Context(), id, actor)
	}), "customs-import"))
	mux.HandleFunc("POST /v1/declarations/{id}/duty-payment", allow(answer(func(r *http.Request, id, actor string) (*domain.Declaration, error) {
		var req struct {
			Amount    money.Money `json:"amount"`
			Reference string      `json:"reference"`
		}
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		return decide.PayDuty(r.Context(), id, req.Amount, req.Reference)
	}), "importer"))
	mux.HandleFunc("POST /v1/declarations/{id}/duty-guarantee", allow(answer(func(r *http.Request, id, actor string) (*domain.Declaration, error) {
		var req struct {
			Amount    money.Money `json:"amount"`
			Guarantor string      `json:"guarantor"`
			Reference string      `json:"reference"`
		}
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		return decide.GuaranteeDuty(r.Context(), id, req.Amount, req.Guarantor, req.Reference)
	}), "importer"))
	mux.HandleFunc("POST /v1/declarations/{id}/release", allow(answer(func(r *http.Request, id, actor string) (*domain.Declaration, error) {
		return decide.Release(r.Context(), id, actor)
	}), "customs-import"))
}

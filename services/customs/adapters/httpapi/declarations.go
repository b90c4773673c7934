package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/app"
	"github.com/tradefin/tradefin/services/customs/domain"
)

func registerDeclarations(mux *apispec.Mux, a app.Application) {
	decide := a.Commands.Declarations
	// The declarant is the caller's organisation; a body may name it, but naming another is 403.
	mux.HandleFunc("POST /v1/declarations", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		var req declarationRequest
		if err := decode(r, &req); err != nil {
			return 0, nil, err
		}
		d, isNew, err := a.Commands.LodgeDeclaration.Handle(r.Context(), actor, req.lodgement())
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
		var req inspectionRequest
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
		var req dutyPaymentRequest
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		return decide.PayDuty(r.Context(), actor, id, req.Amount, req.Reference)
	}))
	mux.HandleFunc("POST /v1/declarations/{id}/duty-guarantee", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		var req guaranteeRequest
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		return decide.GuaranteeDuty(r.Context(), actor, id, req.Amount, req.Guarantor, req.Reference)
	}))
	mux.HandleFunc("POST /v1/declarations/{id}/release", answer(func(r *http.Request, actor identity.Actor, id string) (*domain.Declaration, error) {
		return decide.Release(r.Context(), actor, id)
	}))
}

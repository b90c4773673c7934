package httpapi

import (
	"net/http"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/app"
	"github.com/tradefin/tradefin/services/customs/domain"
)

func registerShipments(mux *apispec.Mux, a app.Application) {
	// The carrier is the caller's organisation; shipper and consignee are the traders the B/L names.
	mux.HandleFunc("POST /v1/shipments", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		var req shipmentRequest
		if err := decode(r, &req); err != nil {
			return 0, nil, err
		}
		s, isNew, err := a.Commands.Shipments.IssueBillOfLading(r.Context(), actor, req.billOfLading())
		if err != nil {
			return 0, nil, err
		}
		return created(isNew), viewShipment(s), nil
	}))
	mux.HandleFunc("POST /v1/shipments/{id}/events", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		var req transportEventRequest
		if err := decode(r, &req); err != nil {
			return 0, nil, err
		}
		at, err := time.Parse(time.RFC3339, req.EventTime)
		if err != nil {
			return 0, nil, problem.InvalidFields(problem.InvalidParam{Name: "eventTime", Reason: "RFC 3339, e.g. 2026-11-22T08:00:00Z"})
		}
		s, err := a.Commands.Shipments.RecordTransportEvent(r.Context(), actor, r.PathValue("id"),
			domain.TransportEventRecorded{EventCode: req.EventCode, Classifier: req.Classifier, Location: req.Location, EventTime: at})
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, viewShipment(s), nil
	}))
	mux.HandleFunc("GET /v1/shipments/{id}", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		s, err := a.Queries.Shipment(r.Context(), actor, r.PathValue("id"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, viewShipment(s), nil
	}))
}

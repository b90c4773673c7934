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

type shipmentView struct {
	domain.BillOfLadingIssued
	Events []domain.TransportEventRecorded `json:"events"`
}

func viewShipment(s *domain.Shipment) shipmentView {
	evs := s.Events
	if evs == nil {
		evs = []domain.TransportEventRecorded{}
	}
	return shipmentView{BillOfLadingIssued: s.BillOfLadingIssued, Events: evs}
}

func registerShipments(mux *apispec.Mux, a app.Application) {
	// The carrier is the caller's organisation; shipper and consignee are the traders the B/L names.
	mux.HandleFunc("POST /v1/shipments", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		var req struct {
			ID              string `json:"id"`
			TradeID         string `json:"tradeId"`
			BLNumber        string `json:"blNumber"`
			OnBoardDate     string `json:"onBoardDate"`
			Vessel          string `json:"vessel"`
			Voyage          string `json:"voyage"`
			PortOfLoading   string `json:"portOfLoading"`
			PortOfDischarge string `json:"portOfDischarge"`
			DocumentSHA256  string `json:"documentSha256"`
			Shipper         string `json:"shipper"`
			Consignee       string `json:"consignee"`
		}
		if err := decode(r, &req); err != nil {
			return 0, nil, err
		}
		s, isNew, err := a.Commands.Shipments.IssueBillOfLading(r.Context(), actor, domain.BillOfLadingIssued{ID: req.ID, TradeID: req.TradeID,
			BLNumber: req.BLNumber, OnBoardDate: req.OnBoardDate, Vessel: req.Vessel, Voyage: req.Voyage, PortOfLoading: req.PortOfLoading,
			PortOfDischarge: req.PortOfDischarge, DocumentSHA256: req.DocumentSHA256, Shipper: req.Shipper, Consignee: req.Consignee})
		if err != nil {
			return 0, nil, err
		}
		return created(isNew), viewShipment(s), nil
	}))
	mux.HandleFunc("POST /v1/shipments/{id}/events", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		var req struct {
			EventCode  string `json:"eventCode"`
			Classifier string `json:"classifier"`
			Location   string `json:"location"`
			EventTime  string `json:"eventTime"` // RFC 3339
		}
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

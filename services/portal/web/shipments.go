package web

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
	"github.com/tradefin/tradefin/services/portal/adapters/customsapi"
)

type shipmentForm struct {
	Today, TradeID string
}

func (s *Server) shipmentForm(w http.ResponseWriter, r *http.Request, u *User) {
	s.render(w, r, http.StatusOK, "shipment_form", page{Title: "Issue a bill of lading", User: u,
		Data: shipmentForm{Today: time.Now().UTC().Format(time.DateOnly), TradeID: r.URL.Query().Get("trade")}})
}

// issueBillOfLading registers the B/L's file as a document (customs hashes it) and opens the
// shipment with that hash.
func (s *Server) issueBillOfLading(w http.ResponseWriter, r *http.Request, u *User) {
	v := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	tradeID := v("tradeId")
	ns := customsapi.NewShipment{ID: ShipmentID(tradeID), TradeID: tradeID, BLNumber: v("blNumber"), OnBoardDate: v("onBoardDate"),
		Vessel: v("vessel"), Voyage: v("voyage"), PortOfLoading: v("portOfLoading"), PortOfDischarge: v("portOfDischarge"),
		Shipper: v("shipper"), Consignee: v("consignee")}
	if f, _, err := r.FormFile("file"); err == nil {
		content, err := io.ReadAll(io.LimitReader(f, maxForm))
		_ = f.Close()
		if err != nil {
			s.fail(w, r, u, err)
			return
		}
		doc, err := s.apis.Customs.RegisterDocument(r.Context(), u.token, customsapi.NewDocument{TradeID: tradeID, Kind: "bill_of_lading",
			Issuer: u.OrgName, IssueDate: ns.OnBoardDate, Content: content})
		if err != nil {
			s.failForm(w, r, u, err, "shipment_form", shipmentForm{Today: ns.OnBoardDate, TradeID: tradeID})
			return
		}
		ns.DocumentSHA256 = doc.SHA256
	}
	if _, err := s.apis.Customs.IssueBillOfLading(r.Context(), u.token, ns); err != nil {
		s.failForm(w, r, u, err, "shipment_form", shipmentForm{Today: ns.OnBoardDate, TradeID: tradeID})
		return
	}
	http.Redirect(w, r, "/shipments/"+url.PathEscape(ns.ID)+"?done="+url.QueryEscape("Bill of lading "+ns.BLNumber+" issued."), http.StatusSeeOther)
}

// failForm shows the API's refusal above the form it came from.
func (s *Server) failForm(w http.ResponseWriter, r *http.Request, u *User, err error, name string, data any) {
	p, ok := apiclient.AsProblem(err)
	if !ok {
		s.fail(w, r, u, err)
		return
	}
	s.render(w, r, p.Status, name, page{Title: p.Title, User: u, Problem: p, Data: data})
}

type shipmentPage struct {
	customsapi.Shipment
	Route []routeStop
	Now   string
}

func (s *Server) shipment(w http.ResponseWriter, r *http.Request, u *User) {
	s.showShipment(w, r, u, http.StatusOK, r.URL.Query().Get("done"), nil)
}

func (s *Server) showShipment(w http.ResponseWriter, r *http.Request, u *User, status int, flash string, prob *apiclient.Problem) {
	sh, err := s.apis.Customs.Shipment(r.Context(), u.token, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, u, err)
		return
	}
	s.render(w, r, status, "shipment", page{Title: "Shipment " + sh.ID, User: u, Flash: flash, Problem: prob,
		Data: shipmentPage{Shipment: sh, Route: route(&sh), Now: time.Now().UTC().Format("2006-01-02T15:04")}})
}

// reportTransportEvent reports a DCSA event; the form's local time is taken as UTC.
func (s *Server) reportTransportEvent(w http.ResponseWriter, r *http.Request, u *User) {
	id := r.PathValue("id")
	at, err := time.Parse("2006-01-02T15:04", r.FormValue("eventTime"))
	if err != nil {
		s.showShipment(w, r, u, http.StatusBadRequest, "", fieldProblem("eventTime", "a date and time"))
		return
	}
	e := customsapi.TransportEvent{EventCode: r.FormValue("eventCode"), Classifier: r.FormValue("classifier"), Location: strings.TrimSpace(r.FormValue("location")),
		EventTime: at.UTC().Format(time.RFC3339)}
	if err := s.apis.Customs.ReportEvent(r.Context(), u.token, id, e); err != nil {
		if p, ok := apiclient.AsProblem(err); ok {
			s.showShipment(w, r, u, p.Status, "", p)
			return
		}
		s.fail(w, r, u, err)
		return
	}
	http.Redirect(w, r, "/shipments/"+url.PathEscape(id)+"?done="+url.QueryEscape(e.EventCode+" reported."), http.StatusSeeOther)
}

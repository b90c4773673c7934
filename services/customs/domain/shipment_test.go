package domain

import (
	"errors"
	"testing"
	"time"
)

func bl() BillOfLadingIssued {
	return BillOfLadingIssued{ID: "S-1", TradeID: "T-1", BLNumber: "MAEU123", OnBoardDate: "2026-11-22", Vessel: "MAERSK LISBOA", Voyage: "245N",
		PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT", Carrier: "MAEU", Shipper: "5493002AZULEJOSLX028", Consignee: "5493001NORDICIMP0058"}
}

func TestBillOfLadingValidation(t *testing.T) {
	b := bl()
	b.PortOfDischarge = "GOT"
	var fe *FieldError
	if _, err := IssueBillOfLading(b); !errors.As(err, &fe) || fe.Field != "portOfDischarge" {
		t.Fatalf("bad port: %v", err)
	}
	b = bl()
	b.Consignee = "Nordic Imports AB"
	if _, err := IssueBillOfLading(b); !errors.As(err, &fe) || fe.Field != "consignee" {
		t.Fatalf("consignee by name: %v", err)
	}
	b = bl()
	b.Carrier = ""
	if _, err := IssueBillOfLading(b); !errors.As(err, &fe) || fe.Field != "carrier" {
		t.Fatalf("no carrier: %v", err)
	}
	b = bl()
	b.OnBoardDate = "22/11/2026"
	if _, err := IssueBillOfLading(b); !errors.As(err, &fe) || fe.Field != "onBoardDate" {
		t.Fatalf("bad date: %v", err)
	}
}

func TestTransportEventsInTheOrderGoodsTravel(t *testing.T) {
	s, err := IssueBillOfLading(bl())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	ev := func(code, loc string, h int) TransportEventRecorded {
		return TransportEventRecorded{EventCode: code, Classifier: "ACT", Location: loc, EventTime: at.Add(time.Duration(h) * time.Hour)}
	}
	if _, err := s.Record(ev(Discharge, "SEGOT", 1)); !errors.Is(err, ErrRefused) {
		t.Fatalf("discharged before loaded: %v", err)
	}
	// A planned arrival may be known before anything happened.
	if added, err := s.Record(TransportEventRecorded{EventCode: Arrive, Classifier: "PLN", Location: "SEGOT", EventTime: at.Add(96 * time.Hour)}); err != nil || !added {
		t.Fatalf("planned arrival: %v", err)
	}
	for i, e := range []TransportEventRecorded{ev(Load, "PTLIS", 0), ev(Depart, "PTLIS", 2), ev(Arrive, "SEGOT", 90), ev(Discharge, "SEGOT", 92)} {
		if _, err := s.Record(e); err != nil {
			t.Fatalf("event %d %s: %v", i, e.EventCode, err)
		}
	}
	if added, err := s.Record(ev(Load, "PTLIS", 0)); err != nil || added {
		t.Fatalf("a repeated event: added=%v %v", added, err)
	}
	if _, err := s.Record(ev(Load, "PTLIS", 5)); !errors.Is(err, ErrRefused) {
		t.Fatalf("loaded twice: %v", err)
	}
	if _, err := s.Record(TransportEventRecorded{EventCode: "GTIN", Classifier: "ACT", Location: "PTLIS", EventTime: at}); err == nil {
		t.Fatal("an unsupported event code was accepted")
	}
}

package domain

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/identity"
)

// DCSA Track & Trace event codes this service accepts (DCSA T&T 2.2: equipment events LOAD and
// DISC, transport events DEPA and ARRI) and event classifiers (ACT actual, PLN planned, EST
// estimated).
const (
	Load      = "LOAD"
	Discharge = "DISC"
	Depart    = "DEPA"
	Arrive    = "ARRI"
)

var classifiers = map[string]bool{"ACT": true, "PLN": true, "EST": true}

// mustFollow: an actual event needs the actual event before it — goods are loaded before the
// vessel departs, arrive before they are discharged.
var mustFollow = map[string]string{Depart: Load, Arrive: Depart, Discharge: Arrive}

// The shipment's events.
type (
	// BillOfLadingIssued: the carrier issued the bill of lading; its on-board date is the date of
	// shipment (UCP 600 Art. 20(a)(ii)).
	BillOfLadingIssued struct {
		ID              string
		TradeID         string
		BLNumber        string
		OnBoardDate     string // YYYY-MM-DD
		Vessel          string
		Voyage          string
		PortOfLoading   string // UN/LOCODE
		PortOfDischarge string
		DocumentSHA256  string // the B/L as registered, if it was
		Carrier         string // the issuing carrier's SCAC: the actor's organisation
		Shipper         string // the trader shipping the goods (LEI or EORI)
		Consignee       string // the trader they are consigned to
		Actor           identity.Stamp
	}
	TransportEventRecorded struct {
		EventCode  string
		Classifier string
		Location   string // UN/LOCODE
		EventTime  time.Time
		Actor      identity.Stamp
	}
)

func (BillOfLadingIssued) EventName() string     { return "customs.BillOfLadingIssued" }
func (TransportEventRecorded) EventName() string { return "customs.TransportEventRecorded" }

// Shipment is the carriage of a trade's goods under one bill of lading.
type Shipment struct {
	changes
	BillOfLadingIssued
	Events []TransportEventRecorded
}

// IssueBillOfLading validates the bill of lading and opens the shipment.
func IssueBillOfLading(b BillOfLadingIssued) (*Shipment, error) {
	for _, err := range []error{validID("id", b.ID), validTradeID(b.TradeID), validID("blNumber", b.BLNumber)} {
		if err != nil {
			return nil, err
		}
	}
	if b.Vessel == "" {
		return nil, invalid("vessel", "required: a B/L names the vessel (UCP 600 Art. 20(a)(ii))")
	}
	if err := validText("vessel", b.Vessel, maxName, false); err != nil {
		return nil, err
	}
	if b.Voyage != "" {
		if err := validID("voyage", b.Voyage); err != nil {
			return nil, err
		}
	}
	if b.Carrier == "" {
		return nil, invalid("carrier", "required: the carrier that issues the B/L (UCP 600 Art. 20(a)(i))")
	}
	for _, x := range []struct{ field, id string }{{"shipper", b.Shipper}, {"consignee", b.Consignee}} {
		if x.id != "" {
			if err := validTraderID(x.field, x.id); err != nil {
				return nil, err
			}
		}
	}
	if _, err := time.Parse(time.DateOnly, b.OnBoardDate); err != nil {
		return nil, invalid("onBoardDate", "want YYYY-MM-DD")
	}
	if err := validLocode("portOfLoading", b.PortOfLoading); err != nil {
		return nil, err
	}
	if err := validLocode("portOfDischarge", b.PortOfDischarge); err != nil {
		return nil, err
	}
	if b.PortOfLoading == b.PortOfDischarge {
		return nil, invalid("portOfDischarge", "the same as the port of loading")
	}
	s := &Shipment{}
	s.record(b)
	return s, nil
}

// Same reports whether an issue repeats this one (a retry), whoever of the carrier sends it.
func (s *Shipment) Same(b BillOfLadingIssued) bool {
	b.Actor = s.Actor
	return s.BillOfLadingIssued == b
}

// Record adds a transport event. Actual events must come in the order goods travel; a repeated
// event (same code, classifier, place and time) is a retry and changes nothing.
func (s *Shipment) Record(e TransportEventRecorded) (bool, error) {
	if !classifiers[e.Classifier] {
		return false, invalid("classifier", "%q: want ACT, PLN or EST", e.Classifier)
	}
	if _, ok := mustFollow[e.EventCode]; !ok && e.EventCode != Load {
		return false, invalid("eventCode", "%q: want LOAD, DEPA, ARRI or DISC", e.EventCode)
	}
	if err := validLocode("location", e.Location); err != nil {
		return false, err
	}
	if e.EventTime.IsZero() {
		return false, invalid("eventTime", "required (RFC 3339)")
	}
	for _, x := range s.Events {
		if x.EventCode == e.EventCode && x.Classifier == e.Classifier && x.Location == e.Location && x.EventTime.Equal(e.EventTime) {
			return false, nil
		}
	}
	if len(s.Events) >= maxTransportEvents {
		return false, fmt.Errorf("%w: a shipment holds at most %d transport events", ErrRefused, maxTransportEvents)
	}
	if e.Classifier == "ACT" {
		if err := s.checkOrder(e); err != nil {
			return false, err
		}
	}
	s.record(e)
	return true, nil
}

func (s *Shipment) checkOrder(e TransportEventRecorded) error {
	if s.actual(e.EventCode) != nil {
		return fmt.Errorf("%w: an actual %s was already recorded", ErrRefused, e.EventCode)
	}
	before, ok := mustFollow[e.EventCode]
	if !ok {
		return nil
	}
	prev := s.actual(before)
	if prev == nil {
		return fmt.Errorf("%w: %s before %s", ErrRefused, e.EventCode, before)
	}
	if e.EventTime.Before(prev.EventTime) {
		return fmt.Errorf("%w: %s at %s is earlier than %s at %s", ErrRefused, e.EventCode, e.EventTime.Format(time.RFC3339), before, prev.EventTime.Format(time.RFC3339))
	}
	return nil
}

func (s *Shipment) actual(code string) *TransportEventRecorded {
	for i, x := range s.Events {
		if x.EventCode == code && x.Classifier == "ACT" {
			return &s.Events[i]
		}
	}
	return nil
}

func (s *Shipment) record(e Event) {
	s.Apply(e)
	s.pending = append(s.pending, e)
}

// Apply changes state for an event; loading replays stored events through it.
func (s *Shipment) Apply(e Event) {
	switch e := e.(type) {
	case BillOfLadingIssued:
		s.BillOfLadingIssued = e
	case TransportEventRecorded:
		s.Events = append(s.Events, e)
	}
}

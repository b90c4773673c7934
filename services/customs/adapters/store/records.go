package store

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// The stored formats of the customs events, separate from the domain events so that changing a
// domain struct cannot change what is stored: the domain carries no JSON tags
// (TestTheDomainCarriesNoJSONFormat). Version 1 of each is the shape streams were first written
// in, pinned byte for byte by the golden streams in testdata (TestStoredEventsMatchTheGoldens);
// a format that changes gets an upcaster from its old versions in formats below. The nested
// value objects have record types of their own (partyRecord, lineRecord) and the domain's named
// strings and numbers are stored as plain ones; only the shared kernel's value types
// (identity.Stamp and OrgKind, money.Money, time.Time) are stored in their own JSON shape.
// A record with exactly its event's fields converts to it directly; renaming a domain field then
// stops that conversion compiling, and the mapping is written out instead, keeping the stored name.
type (
	documentRegisteredRecord struct {
		SHA256     string         `json:"SHA256"`
		TradeID    string         `json:"TradeID"`
		Kind       string         `json:"Kind"`
		Issuer     string         `json:"Issuer"`
		IssueDate  string         `json:"IssueDate"`
		Registrant partyRecord    `json:"Registrant"`
		Actor      identity.Stamp `json:"Actor"`
	}
	declarationLodgedRecord struct {
		ID                 string         `json:"ID"`
		TradeID            string         `json:"TradeID"`
		Direction          string         `json:"Direction"`
		Declarant          string         `json:"Declarant"`
		CustomsOffice      string         `json:"CustomsOffice"`
		OriginCountry      string         `json:"OriginCountry"`
		DestinationCountry string         `json:"DestinationCountry"`
		Lines              []lineRecord   `json:"Lines"`
		Documents          []string       `json:"Documents"`
		Lane               string         `json:"Lane"`
		LaneReason         string         `json:"LaneReason"`
		Actor              identity.Stamp `json:"Actor"`
	}
	inspectedRecord struct {
		Passed bool           `json:"passed"`
		Note   string         `json:"note"`
		Actor  identity.Stamp `json:"actor"`
	}
	exportClearedRecord struct {
		Actor identity.Stamp `json:"Actor"`
	}
	dutyAssessedRecord struct {
		Duty  money.Money      `json:"Duty"`
		Rates map[string]int64 `json:"Rates"` // HS code → basis points
		Actor identity.Stamp   `json:"Actor"`
	}
	dutyPaidRecord struct {
		Amount    money.Money    `json:"amount"`
		Reference string         `json:"reference"`
		Actor     identity.Stamp `json:"actor"`
	}
	dutyGuaranteedRecord struct {
		Amount    money.Money    `json:"amount"`
		Guarantor string         `json:"guarantor"`
		Reference string         `json:"reference"`
		Actor     identity.Stamp `json:"actor"`
	}
	goodsReleasedRecord struct {
		Actor identity.Stamp `json:"Actor"`
	}
	billOfLadingIssuedRecord struct {
		ID              string         `json:"id"`
		TradeID         string         `json:"tradeId"`
		BLNumber        string         `json:"blNumber"`
		OnBoardDate     string         `json:"onBoardDate"`
		Vessel          string         `json:"vessel"`
		Voyage          string         `json:"voyage"`
		PortOfLoading   string         `json:"portOfLoading"`
		PortOfDischarge string         `json:"portOfDischarge"`
		DocumentSHA256  string         `json:"documentSha256,omitempty"`
		Carrier         string         `json:"carrier"`
		Shipper         string         `json:"shipper,omitempty"`
		Consignee       string         `json:"consignee,omitempty"`
		Actor           identity.Stamp `json:"actor"`
	}
	// tradeOpenedRecord is not an aggregate's: it is the one event of a trade's stream
	// ("trade-" + ID), written by the lc.applied.v1 consumer (trade_parties.go).
	tradeOpenedRecord struct {
		TradeID      string `json:"TradeID"`
		LCID         string `json:"LCID"`
		Applicant    string `json:"Applicant"`
		Beneficiary  string `json:"Beneficiary"`
		IssuingBank  string `json:"IssuingBank"`
		AdvisingBank string `json:"AdvisingBank"`
	}
	transportEventRecordedRecord struct {
		EventCode  string         `json:"eventCode"`
		Classifier string         `json:"classifier"`
		Location   string         `json:"location"`
		EventTime  time.Time      `json:"eventTime"`
		Actor      identity.Stamp `json:"actor"`
	}
)

var formats = func() *eventstore.Registry {
	r := eventstore.NewRegistry()
	r.Register("customs.DocumentRegistered", documentRegisteredRecord{})
	r.Register("customs.DeclarationLodged", declarationLodgedRecord{})
	r.Register("customs.Inspected", inspectedRecord{})
	r.Register("customs.ExportCleared", exportClearedRecord{})
	r.Register("customs.DutyAssessed", dutyAssessedRecord{})
	r.Register("customs.DutyPaid", dutyPaidRecord{})
	r.Register("customs.DutyGuaranteed", dutyGuaranteedRecord{})
	r.Register("customs.GoodsReleased", goodsReleasedRecord{})
	r.Register("customs.BillOfLadingIssued", billOfLadingIssuedRecord{})
	r.Register("customs.TransportEventRecorded", transportEventRecordedRecord{})
	r.Register("customs.TradeOpened", tradeOpenedRecord{})
	return r
}()

func toRecord(e domain.Event) (aggregate.Record[domain.Event], error) {
	switch e := e.(type) {
	case domain.DocumentRegistered:
		return documentRegisteredRecordOf(e), nil
	case domain.DeclarationLodged:
		return declarationLodgedRecordOf(e), nil
	case domain.Inspected:
		return inspectedRecord(e), nil
	case domain.ExportCleared:
		return exportClearedRecord(e), nil
	case domain.DutyAssessed:
		return dutyAssessedRecordOf(e), nil
	case domain.DutyPaid:
		return dutyPaidRecord(e), nil
	case domain.DutyGuaranteed:
		return dutyGuaranteedRecord(e), nil
	case domain.GoodsReleased:
		return goodsReleasedRecord(e), nil
	case domain.BillOfLadingIssued:
		return billOfLadingIssuedRecord(e), nil
	case domain.TransportEventRecorded:
		return transportEventRecordedRecord(e), nil
	case domain.TradeOpened:
		return tradeOpenedRecord(e), nil
	}
	return nil, fmt.Errorf("%w: no stored format for %T", eventstore.ErrUnknownEventType, e)
}

func documentRegisteredRecordOf(e domain.DocumentRegistered) documentRegisteredRecord {
	return documentRegisteredRecord{SHA256: e.SHA256, TradeID: e.TradeID, Kind: string(e.Kind), Issuer: e.Issuer, IssueDate: e.IssueDate,
		Registrant: partyRecordOf(e.Registrant), Actor: e.Actor}
}

func (r documentRegisteredRecord) Event() domain.Event {
	return domain.DocumentRegistered{SHA256: r.SHA256, TradeID: r.TradeID, Kind: domain.DocumentKind(r.Kind), Issuer: r.Issuer,
		IssueDate: r.IssueDate, Registrant: r.Registrant.party(), Actor: r.Actor}
}

func declarationLodgedRecordOf(e domain.DeclarationLodged) declarationLodgedRecord {
	return declarationLodgedRecord{ID: e.ID, TradeID: e.TradeID, Direction: string(e.Direction), Declarant: e.Declarant,
		CustomsOffice: e.CustomsOffice, OriginCountry: e.OriginCountry, DestinationCountry: e.DestinationCountry,
		Lines: lineRecordsOf(e.Lines), Documents: e.Documents, Lane: string(e.Lane), LaneReason: e.LaneReason, Actor: e.Actor}
}

func (r declarationLodgedRecord) Event() domain.Event {
	return domain.DeclarationLodged{ID: r.ID, TradeID: r.TradeID, Direction: domain.Direction(r.Direction), Declarant: r.Declarant,
		CustomsOffice: r.CustomsOffice, OriginCountry: r.OriginCountry, DestinationCountry: r.DestinationCountry,
		Lines: linesOf(r.Lines), Documents: r.Documents, Lane: domain.RiskLane(r.Lane), LaneReason: r.LaneReason, Actor: r.Actor}
}

// dutyAssessedRecordOf keeps a nil rate table nil, so an assessment reads back as it was made.
func dutyAssessedRecordOf(e domain.DutyAssessed) dutyAssessedRecord {
	r := dutyAssessedRecord{Duty: e.Duty, Actor: e.Actor}
	if e.Rates != nil {
		r.Rates = make(map[string]int64, len(e.Rates))
		for hs, bp := range e.Rates {
			r.Rates[hs] = int64(bp)
		}
	}
	return r
}

func (r dutyAssessedRecord) Event() domain.Event {
	e := domain.DutyAssessed{Duty: r.Duty, Actor: r.Actor}
	if r.Rates != nil {
		e.Rates = make(map[string]domain.BasisPoints, len(r.Rates))
		for hs, bp := range r.Rates {
			e.Rates[hs] = domain.BasisPoints(bp)
		}
	}
	return e
}

func (r inspectedRecord) Event() domain.Event              { return domain.Inspected(r) }
func (r exportClearedRecord) Event() domain.Event          { return domain.ExportCleared(r) }
func (r dutyPaidRecord) Event() domain.Event               { return domain.DutyPaid(r) }
func (r dutyGuaranteedRecord) Event() domain.Event         { return domain.DutyGuaranteed(r) }
func (r goodsReleasedRecord) Event() domain.Event          { return domain.GoodsReleased(r) }
func (r billOfLadingIssuedRecord) Event() domain.Event     { return domain.BillOfLadingIssued(r) }
func (r transportEventRecordedRecord) Event() domain.Event { return domain.TransportEventRecorded(r) }
func (r tradeOpenedRecord) Event() domain.Event            { return domain.TradeOpened(r) }

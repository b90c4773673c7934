package httpapi

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// The API's request and response bodies, as openapi.yaml describes them. They are the API's own
// types, converted to and from the domain's here, so that renaming a domain field (or a stored
// event's) changes neither the API nor its clients.

type documentRequest struct {
	TradeID   string `json:"tradeId"`
	Kind      string `json:"kind"`
	Issuer    string `json:"issuer"`
	IssueDate string `json:"issueDate"`
	SHA256    string `json:"sha256"`
	Content   []byte `json:"content"`
}

type partyJSON struct {
	Kind string `json:"kind"`
	Org  string `json:"org"`
}

type documentView struct {
	ID        string `json:"id"` // the SHA-256: a document is its content
	TradeID   string `json:"tradeId"`
	Kind      string `json:"kind"`
	Issuer    string `json:"issuer"`
	IssueDate string `json:"issueDate"`
	SHA256    string `json:"sha256"`
	// RegisteredBy is the organisation that registered it; Actor who of it did.
	RegisteredBy partyJSON      `json:"registeredBy"`
	Actor        identity.Stamp `json:"actor"`
}

func viewDocument(d *domain.Document) documentView {
	return documentView{ID: d.SHA256, TradeID: d.TradeID, Kind: string(d.Kind), Issuer: d.Issuer, IssueDate: d.IssueDate, SHA256: d.SHA256,
		RegisteredBy: partyJSON{Kind: string(d.Registrant.Kind), Org: d.Registrant.Org}, Actor: d.Actor}
}

type lineJSON struct {
	HSCode       string      `json:"hsCode"`
	Description  string      `json:"description"`
	CustomsValue money.Money `json:"customsValue"`
}

func linesIn(ls []lineJSON) []domain.Line {
	var out []domain.Line
	for _, l := range ls {
		out = append(out, domain.Line{HSCode: l.HSCode, Description: l.Description, CustomsValue: l.CustomsValue})
	}
	return out
}

func linesOut(ls []domain.Line) []lineJSON {
	out := []lineJSON{}
	for _, l := range ls {
		out = append(out, lineJSON{HSCode: l.HSCode, Description: l.Description, CustomsValue: l.CustomsValue})
	}
	return out
}

type declarationRequest struct {
	ID                 string     `json:"id"`
	TradeID            string     `json:"tradeId"`
	Direction          string     `json:"direction"`
	Declarant          string     `json:"declarant"`
	CustomsOffice      string     `json:"customsOffice"`
	OriginCountry      string     `json:"originCountry"`
	DestinationCountry string     `json:"destinationCountry"`
	Lines              []lineJSON `json:"lines"`
	Documents          []string   `json:"documents"` // SHA-256 of registered documents
}

func (r declarationRequest) lodgement() domain.DeclarationLodged {
	return domain.DeclarationLodged{ID: r.ID, TradeID: r.TradeID, Direction: domain.Direction(r.Direction), Declarant: r.Declarant,
		CustomsOffice: r.CustomsOffice, OriginCountry: r.OriginCountry, DestinationCountry: r.DestinationCountry, Lines: linesIn(r.Lines),
		Documents: r.Documents}
}

type inspectionRequest struct {
	Result string `json:"result"` // passed or failed
	Note   string `json:"note"`
}

type dutyPaymentRequest struct {
	Amount    money.Money `json:"amount"`
	Reference string      `json:"reference"`
}

type guaranteeRequest struct {
	Amount    money.Money `json:"amount"`
	Guarantor string      `json:"guarantor"`
	Reference string      `json:"reference"`
}

type inspectionJSON struct {
	Passed bool           `json:"passed"`
	Note   string         `json:"note"`
	Actor  identity.Stamp `json:"actor"`
}

type dutyPaidJSON struct {
	Amount    money.Money    `json:"amount"`
	Reference string         `json:"reference"`
	Actor     identity.Stamp `json:"actor"`
}

type guaranteeJSON struct {
	Amount    money.Money    `json:"amount"`
	Guarantor string         `json:"guarantor"`
	Reference string         `json:"reference"`
	Actor     identity.Stamp `json:"actor"`
}

type declarationView struct {
	ID                 string           `json:"id"`
	TradeID            string           `json:"tradeId"`
	Direction          string           `json:"direction"`
	Status             string           `json:"status"`
	Declarant          string           `json:"declarant"`
	CustomsOffice      string           `json:"customsOffice"`
	LodgedBy           identity.Stamp   `json:"lodgedBy"`
	OriginCountry      string           `json:"originCountry"`
	DestinationCountry string           `json:"destinationCountry"`
	Lines              []lineJSON       `json:"lines"`
	Documents          []string         `json:"documents"`
	RiskLane           string           `json:"riskLane"`
	RiskReason         string           `json:"riskReason"`
	Inspection         *inspectionJSON  `json:"inspection,omitempty"`
	Duty               *money.Money     `json:"duty,omitempty"`
	DutyRates          map[string]int64 `json:"dutyRatesBasisPoints,omitempty"`
	DutyAssessedBy     *identity.Stamp  `json:"dutyAssessedBy,omitempty"`
	DutyPaid           *dutyPaidJSON    `json:"dutyPaid,omitempty"`
	DutyGuarantee      *guaranteeJSON   `json:"dutyGuarantee,omitempty"`
}

func viewDeclaration(d *domain.Declaration) declarationView {
	v := declarationView{ID: d.ID, TradeID: d.TradeID, Direction: string(d.Direction), Status: string(d.Status), Declarant: d.Declarant,
		CustomsOffice: d.CustomsOffice, LodgedBy: d.DeclarationLodged.Actor, OriginCountry: d.OriginCountry,
		DestinationCountry: d.DestinationCountry, Lines: linesOut(d.Lines), Documents: d.Documents, RiskLane: string(d.Lane),
		RiskReason: d.LaneReason}
	if i := d.Inspection; i != nil {
		v.Inspection = &inspectionJSON{Passed: i.Passed, Note: i.Note, Actor: i.Actor}
	}
	if a := d.Duty; a != nil {
		v.Duty, v.DutyAssessedBy, v.DutyRates = &a.Duty, &a.Actor, map[string]int64{}
		for hs, bp := range a.Rates {
			v.DutyRates[hs] = int64(bp)
		}
	}
	if p := d.Paid; p != nil {
		v.DutyPaid = &dutyPaidJSON{Amount: p.Amount, Reference: p.Reference, Actor: p.Actor}
	}
	if g := d.Guarantee; g != nil {
		v.DutyGuarantee = &guaranteeJSON{Amount: g.Amount, Guarantor: g.Guarantor, Reference: g.Reference, Actor: g.Actor}
	}
	return v
}

type shipmentRequest struct {
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

func (r shipmentRequest) billOfLading() domain.BillOfLadingIssued {
	return domain.BillOfLadingIssued{ID: r.ID, TradeID: r.TradeID, BLNumber: r.BLNumber, OnBoardDate: r.OnBoardDate, Vessel: r.Vessel,
		Voyage: r.Voyage, PortOfLoading: r.PortOfLoading, PortOfDischarge: r.PortOfDischarge, DocumentSHA256: r.DocumentSHA256,
		Shipper: r.Shipper, Consignee: r.Consignee}
}

type transportEventRequest struct {
	EventCode  string `json:"eventCode"`
	Classifier string `json:"classifier"`
	Location   string `json:"location"`
	EventTime  string `json:"eventTime"` // RFC 3339
}

type transportEventJSON struct {
	EventCode  string         `json:"eventCode"`
	Classifier string         `json:"classifier"`
	Location   string         `json:"location"`
	EventTime  time.Time      `json:"eventTime"`
	Actor      identity.Stamp `json:"actor"`
}

type shipmentView struct {
	ID              string               `json:"id"`
	TradeID         string               `json:"tradeId"`
	BLNumber        string               `json:"blNumber"`
	OnBoardDate     string               `json:"onBoardDate"`
	Vessel          string               `json:"vessel"`
	Voyage          string               `json:"voyage"`
	PortOfLoading   string               `json:"portOfLoading"`
	PortOfDischarge string               `json:"portOfDischarge"`
	DocumentSHA256  string               `json:"documentSha256,omitempty"`
	Carrier         string               `json:"carrier"`
	Shipper         string               `json:"shipper,omitempty"`
	Consignee       string               `json:"consignee,omitempty"`
	Actor           identity.Stamp       `json:"actor"`
	Events          []transportEventJSON `json:"events"`
}

func viewShipment(s *domain.Shipment) shipmentView {
	b := s.BillOfLadingIssued
	v := shipmentView{ID: b.ID, TradeID: b.TradeID, BLNumber: b.BLNumber, OnBoardDate: b.OnBoardDate, Vessel: b.Vessel, Voyage: b.Voyage,
		PortOfLoading: b.PortOfLoading, PortOfDischarge: b.PortOfDischarge, DocumentSHA256: b.DocumentSHA256, Carrier: b.Carrier,
		Shipper: b.Shipper, Consignee: b.Consignee, Actor: b.Actor, Events: []transportEventJSON{}}
	for _, e := range s.Events {
		v.Events = append(v.Events, transportEventJSON{EventCode: e.EventCode, Classifier: e.Classifier, Location: e.Location, EventTime: e.EventTime, Actor: e.Actor})
	}
	return v
}

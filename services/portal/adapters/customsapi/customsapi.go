// Package customsapi is the portal's adapter to the customs service's API (services/customs):
// trade documents by SHA-256, export and import declarations, and shipments with their bill of
// lading and DCSA transport events.
package customsapi

import (
	"context"
	"net/url"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
)

// API is the customs service at a base URL.
type API struct{ apiclient.Client }

// New returns the adapter for the customs service at base.
func New(base string) API { return API{apiclient.New(base)} }

// Actor is who acted, as the services record it (organisation, user, OAuth client).
type Actor = identity.Stamp

// Document is a registered trade document: its SHA-256 identifies it.
type Document struct {
	ID        string `json:"id"`
	TradeID   string `json:"tradeId"`
	Kind      string `json:"kind"`
	Issuer    string `json:"issuer"`
	IssueDate string `json:"issueDate"`
	SHA256    string `json:"sha256"`
	Actor     Actor  `json:"actor"`
}

// NewDocument is POST /v1/documents with the content, which the service hashes and does not keep.
type NewDocument struct {
	TradeID   string `json:"tradeId"`
	Kind      string `json:"kind"`
	Issuer    string `json:"issuer"`
	IssueDate string `json:"issueDate"`
	Content   []byte `json:"content"` // base64 in JSON
}

// Line is a declaration line.
type Line struct {
	HSCode       string      `json:"hsCode"`
	Description  string      `json:"description,omitempty"`
	CustomsValue money.Money `json:"customsValue"`
}

// NewDeclaration is POST /v1/declarations (the declarant is the caller's organisation).
type NewDeclaration struct {
	ID                 string   `json:"id"`
	TradeID            string   `json:"tradeId"`
	Direction          string   `json:"direction"`
	CustomsOffice      string   `json:"customsOffice"`
	OriginCountry      string   `json:"originCountry"`
	DestinationCountry string   `json:"destinationCountry"`
	Lines              []Line   `json:"lines"`
	Documents          []string `json:"documents,omitempty"`
}

// Declaration is GET /v1/declarations/{id}.
type Declaration struct {
	ID                 string       `json:"id"`
	TradeID            string       `json:"tradeId"`
	Direction          string       `json:"direction"`
	Status             string       `json:"status"`
	RiskLane           string       `json:"riskLane"`
	RiskReason         string       `json:"riskReason"`
	Declarant          string       `json:"declarant"`
	CustomsOffice      string       `json:"customsOffice"`
	LodgedBy           Actor        `json:"lodgedBy"`
	OriginCountry      string       `json:"originCountry"`
	DestinationCountry string       `json:"destinationCountry"`
	Lines              []Line       `json:"lines"`
	Documents          []string     `json:"documents"`
	Duty               *money.Money `json:"duty"`
	Inspection         *struct {
		Passed bool   `json:"passed"`
		Note   string `json:"note"`
		Actor  Actor  `json:"actor"`
	} `json:"inspection"`
	DutyPaid *struct {
		Amount    money.Money `json:"amount"`
		Reference string      `json:"reference"`
	} `json:"dutyPaid"`
	DutyGuarantee *struct {
		Amount    money.Money `json:"amount"`
		Guarantor string      `json:"guarantor"`
		Reference string      `json:"reference"`
	} `json:"dutyGuarantee"`
}

// TransportEvent is a DCSA Track & Trace event.
type TransportEvent struct {
	EventCode  string `json:"eventCode"`  // LOAD, DEPA, ARRI, DISC
	Classifier string `json:"classifier"` // ACT, PLN, EST
	Location   string `json:"location"`   // UN/LOCODE
	EventTime  string `json:"eventTime"`  // RFC 3339
	Actor      *Actor `json:"actor,omitempty"`
}

// NewShipment is POST /v1/shipments: the carrier issues the bill of lading.
type NewShipment struct {
	ID              string `json:"id"`
	TradeID         string `json:"tradeId"`
	BLNumber        string `json:"blNumber"`
	OnBoardDate     string `json:"onBoardDate"`
	Vessel          string `json:"vessel"`
	Voyage          string `json:"voyage,omitempty"`
	PortOfLoading   string `json:"portOfLoading"`
	PortOfDischarge string `json:"portOfDischarge"`
	DocumentSHA256  string `json:"documentSha256,omitempty"`
	Shipper         string `json:"shipper,omitempty"`
	Consignee       string `json:"consignee,omitempty"`
}

// Shipment is GET /v1/shipments/{id}.
type Shipment struct {
	NewShipment
	Carrier string           `json:"carrier"`
	Events  []TransportEvent `json:"events"`
}

const (
	documents    = "/v1/documents"
	declarations = "/v1/declarations"
	shipments    = "/v1/shipments"
)

// RegisterDocument registers a document's content; the answer carries its SHA-256.
func (a API) RegisterDocument(ctx context.Context, token string, d NewDocument) (Document, error) {
	return apiclient.Call[Document](ctx, a.Client, token, "POST", documents, d)
}

// Documents lists the trade's documents the caller may see.
func (a API) Documents(ctx context.Context, token, tradeID string) ([]Document, error) {
	var out struct {
		Documents []Document `json:"documents"`
	}
	err := a.JSON(ctx, token, "GET", documents+"?tradeId="+url.QueryEscape(tradeID), nil, &out)
	return out.Documents, err
}

// Verify looks a document up by its SHA-256.
func (a API) Verify(ctx context.Context, token, sha256 string) (Document, error) {
	return apiclient.Call[Document](ctx, a.Client, token, "GET", apiclient.Path(documents, sha256), nil)
}

// Lodge lodges a declaration as the caller's organisation.
func (a API) Lodge(ctx context.Context, token string, d NewDeclaration) (Declaration, error) {
	return apiclient.Call[Declaration](ctx, a.Client, token, "POST", declarations, d)
}

// Declaration reads one (its declarant, its customs office, the auditor).
func (a API) Declaration(ctx context.Context, token, id string) (Declaration, error) {
	return apiclient.Call[Declaration](ctx, a.Client, token, "GET", apiclient.Path(declarations, id), nil)
}

// Inspect records an inspection's result (passed or failed).
func (a API) Inspect(ctx context.Context, token, id, result, note string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(declarations, id, "inspection"), map[string]string{"result": result, "note": note}, nil)
}

// Decide is one of the customs office's bodiless decisions: clearance, duty-assessment, release.
func (a API) Decide(ctx context.Context, token, id, decision string) error {
	return a.Do(ctx, token, "POST", apiclient.Path(declarations, id, decision), "", nil, nil)
}

// PayDuty records the declarant's payment of the assessed duty, in full.
func (a API) PayDuty(ctx context.Context, token, id string, amount money.Money, reference string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(declarations, id, "duty-payment"), map[string]any{"amount": amount, "reference": reference}, nil)
}

// GuaranteeDuty records the declarant's guarantee for the assessed duty: the guarantor (usually a
// bank) secures at least the whole duty, in its currency (UCC Art. 90), and the goods may then be
// released before payment (UCC Art. 195).
func (a API) GuaranteeDuty(ctx context.Context, token, id string, amount money.Money, guarantor, reference string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(declarations, id, "duty-guarantee"),
		map[string]any{"amount": amount, "guarantor": guarantor, "reference": reference}, nil)
}

// IssueBillOfLading opens the shipment.
func (a API) IssueBillOfLading(ctx context.Context, token string, s NewShipment) (Shipment, error) {
	return apiclient.Call[Shipment](ctx, a.Client, token, "POST", shipments, s)
}

// Shipment reads a shipment with its transport events.
func (a API) Shipment(ctx context.Context, token, id string) (Shipment, error) {
	return apiclient.Call[Shipment](ctx, a.Client, token, "GET", apiclient.Path(shipments, id), nil)
}

// ReportEvent reports a DCSA transport event (the B/L's carrier).
func (a API) ReportEvent(ctx context.Context, token, shipmentID string, e TransportEvent) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(shipments, shipmentID, "events"), e, nil)
}

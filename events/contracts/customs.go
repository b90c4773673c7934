package contracts

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Customs documents (services/customs).

// DocumentRegistered: a trade document was registered with its fingerprint.
type DocumentRegistered struct {
	TradeID    string         `json:"tradeId"`
	Actor      identity.Stamp `json:"actor"` // who acted: organisation, user, client
	DocumentID string         `json:"documentId"`
	Kind       string         `json:"kind"` // commercial_invoice, packing_list, bill_of_lading, ...
	SHA256     string         `json:"sha256"`
}

// ExportDeclared: the exporter lodged the export declaration.
type ExportDeclared struct {
	TradeID       string         `json:"tradeId"`
	Actor         identity.Stamp `json:"actor"` // who acted: organisation, user, client
	DeclarationID string         `json:"declarationId"`
	HSCodes       []string       `json:"hsCodes"`
}

// ExportCleared: export customs cleared the goods.
type ExportCleared struct {
	TradeID       string         `json:"tradeId"`
	Actor         identity.Stamp `json:"actor"` // who acted: organisation, user, client
	DeclarationID string         `json:"declarationId"`
}

// BillOfLadingIssued: the carrier issued the bill of lading (on-board date is the shipment date).
type BillOfLadingIssued struct {
	TradeID         string         `json:"tradeId"`
	Actor           identity.Stamp `json:"actor"` // who acted: organisation, user, client
	BLNumber        string         `json:"blNumber"`
	OnBoardDate     string         `json:"onBoardDate"`
	PortOfLoading   string         `json:"portOfLoading"` // UN/LOCODE
	PortOfDischarge string         `json:"portOfDischarge"`
	SHA256          string         `json:"sha256"`
}

// TransportEvent: a DCSA Track & Trace event (e.g. LOAD, DEPA, ARRI, DISC).
type TransportEvent struct {
	TradeID    string         `json:"tradeId"`
	Actor      identity.Stamp `json:"actor"` // who acted: organisation, user, client
	EventCode  string         `json:"eventCode"`
	Classifier string         `json:"classifier"` // ACT, PLN, EST
	Location   string         `json:"location"`   // UN/LOCODE
	EventTime  string         `json:"eventTime"`
}

// ImportDeclared: the importer lodged the import declaration.
type ImportDeclared struct {
	TradeID       string         `json:"tradeId"`
	Actor         identity.Stamp `json:"actor"` // who acted: organisation, user, client
	DeclarationID string         `json:"declarationId"`
	HSCodes       []string       `json:"hsCodes"`
}

// DutyAssessed: import customs assessed duties.
type DutyAssessed struct {
	TradeID       string         `json:"tradeId"`
	Actor         identity.Stamp `json:"actor"` // who acted: organisation, user, client
	DeclarationID string         `json:"declarationId"`
	Duty          money.Money    `json:"duty"`
}

// DutyPaid: the duties were paid.
type DutyPaid struct {
	TradeID       string         `json:"tradeId"`
	Actor         identity.Stamp `json:"actor"` // who acted: organisation, user, client
	DeclarationID string         `json:"declarationId"`
	Amount        money.Money    `json:"amount"`
}

// ImportReleased: import customs released the goods.
type ImportReleased struct {
	TradeID       string         `json:"tradeId"`
	Actor         identity.Stamp `json:"actor"` // who acted: organisation, user, client
	DeclarationID string         `json:"declarationId"`
}

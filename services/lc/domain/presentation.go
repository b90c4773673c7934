package domain

import "github.com/tradefin/tradefin/events/money"

// DocumentKind names a document a credit may call for (MT700 46A).
type DocumentKind string

const (
	CommercialInvoice   DocumentKind = "commercial_invoice"
	BillOfLading        DocumentKind = "bill_of_lading"
	InsuranceDocument   DocumentKind = "insurance_document"
	PackingList         DocumentKind = "packing_list"
	CertificateOfOrigin DocumentKind = "certificate_of_origin"
)

// Presentation is the documents presented under the credit, where and when. Presented to a bank,
// Date and Place are the bank's receipt stamp (examination_task.go), Bank the bank's BIC.
type Presentation struct {
	Date      Date       `json:"date"`
	Place     string     `json:"place"`
	Bank      string     `json:"bank,omitempty"`
	Documents []Document `json:"documents"`
}

// Document is the data of one presented document. Fields not relevant to a kind stay empty.
type Document struct {
	Kind      DocumentKind `json:"kind"`
	IssueDate Date         `json:"issueDate"`
	Issuer    string       `json:"issuer,omitempty"`
	// SHA256 (hex) of the document's content as registered with customs, when the presenter
	// names it: it ties the presented document to the one on the ledger.
	SHA256 string `json:"sha256,omitempty"`

	// Commercial invoice and packing list.
	MadeOutTo        string       `json:"madeOutTo,omitempty"`
	Amount           *money.Money `json:"amount,omitempty"`
	GoodsDescription string       `json:"goodsDescription,omitempty"`
	Quantity         int64        `json:"quantity,omitempty"`
	UnitPrice        *money.Money `json:"unitPrice,omitempty"`

	// Bill of lading.
	OnBoardNotation bool     `json:"onBoardNotation,omitempty"`
	OnBoardDate     Date     `json:"onBoardDate,omitempty"`
	PortOfLoading   string   `json:"portOfLoading,omitempty"`
	PortOfDischarge string   `json:"portOfDischarge,omitempty"`
	Transhipment    bool     `json:"transhipment,omitempty"`
	Container       bool     `json:"container,omitempty"`
	Clauses         []string `json:"clauses,omitempty"` // clauses declaring a defective condition (Art. 27)

	// Insurance document.
	InsuredAmount *money.Money `json:"insuredAmount,omitempty"`
	EffectiveDate Date         `json:"effectiveDate,omitempty"`
}

// document returns the first document of a kind.
func (p Presentation) document(k DocumentKind) (Document, bool) {
	for _, d := range p.Documents {
		if d.Kind == k {
			return d, true
		}
	}
	return Document{}, false
}

// shipmentDate is the date of shipment: the on-board notation's date, else the B/L's date of
// issuance (UCP 600 Art. 20(a)(ii)).
func (p Presentation) shipmentDate() (Date, bool) {
	bl, ok := p.document(BillOfLading)
	if !ok {
		return Date{}, false
	}
	if !bl.OnBoardDate.IsZero() {
		return bl.OnBoardDate, true
	}
	return bl.IssueDate, !bl.IssueDate.IsZero()
}

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
	Date      Date
	Place     string
	Bank      string
	Documents []Document
}

// Document is the data of one presented document. Fields not relevant to a kind stay empty.
type Document struct {
	Kind      DocumentKind
	IssueDate Date
	Issuer    string
	// SHA256 (hex) of the document's content as registered with customs, when the presenter
	// names it: it ties the presented document to the one on the ledger.
	SHA256 string

	// Commercial invoice and packing list.
	MadeOutTo        string
	Amount           *money.Money
	GoodsDescription string
	Quantity         int64
	UnitPrice        *money.Money

	// Bill of lading.
	OnBoardNotation bool
	OnBoardDate     Date
	PortOfLoading   string
	PortOfDischarge string
	Transhipment    bool
	Container       bool
	Clauses         []string // clauses declaring a defective condition (Art. 27)

	// Insurance document.
	InsuredAmount *money.Money
	EffectiveDate Date
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

package store

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// presentationRecord is domain.Presentation as stored.
type presentationRecord struct {
	Date      domain.Date      `json:"date"`
	Place     string           `json:"place"`
	Bank      string           `json:"bank,omitempty"`
	Documents []documentRecord `json:"documents"`
}

func toPresentationRecord(v domain.Presentation) presentationRecord {
	return presentationRecord{
		Date:      v.Date,
		Place:     v.Place,
		Bank:      v.Bank,
		Documents: each(v.Documents, toDocumentRecord),
	}
}

func fromPresentationRecord(r presentationRecord) domain.Presentation {
	return domain.Presentation{
		Date:      r.Date,
		Place:     r.Place,
		Bank:      r.Bank,
		Documents: each(r.Documents, fromDocumentRecord),
	}
}

// documentRecord is domain.Document as stored.
type documentRecord struct {
	Kind             domain.DocumentKind `json:"kind"`
	IssueDate        domain.Date         `json:"issueDate"`
	Issuer           string              `json:"issuer,omitempty"`
	SHA256           string              `json:"sha256,omitempty"`
	MadeOutTo        string              `json:"madeOutTo,omitempty"`
	Amount           *money.Money        `json:"amount,omitempty"`
	GoodsDescription string              `json:"goodsDescription,omitempty"`
	Quantity         int64               `json:"quantity,omitempty"`
	UnitPrice        *money.Money        `json:"unitPrice,omitempty"`
	OnBoardNotation  bool                `json:"onBoardNotation,omitempty"`
	OnBoardDate      domain.Date         `json:"onBoardDate,omitempty"`
	PortOfLoading    string              `json:"portOfLoading,omitempty"`
	PortOfDischarge  string              `json:"portOfDischarge,omitempty"`
	Transhipment     bool                `json:"transhipment,omitempty"`
	Container        bool                `json:"container,omitempty"`
	Clauses          []string            `json:"clauses,omitempty"`
	InsuredAmount    *money.Money        `json:"insuredAmount,omitempty"`
	EffectiveDate    domain.Date         `json:"effectiveDate,omitempty"`
}

func toDocumentRecord(v domain.Document) documentRecord { return documentRecord(v) }

func fromDocumentRecord(r documentRecord) domain.Document { return domain.Document(r) }

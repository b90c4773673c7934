package httpapi

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The API's form of a presentation and of its examination.
type (
	presentationDTO struct {
		Date      domain.Date   `json:"date"`
		Place     string        `json:"place"`
		Bank      string        `json:"bank,omitempty"` // the bank presented to (BIC)
		Documents []documentDTO `json:"documents"`
	}
	// presentedDTO is a presentation as the presenter makes it: the documents, and the bank
	// they go to; the bank stamps the date and place of receipt.
	presentedDTO struct {
		PresentedTo string        `json:"presentedTo,omitempty"`
		Documents   []documentDTO `json:"documents"`
	}
	// documentDTO has domain.Document's fields in its order, so the two convert into each other:
	// the compiler checks they stay alike, and a domain field renamed becomes a mapping here, not
	// a change of the API.
	documentDTO struct {
		Kind             domain.DocumentKind `json:"kind"`
		IssueDate        domain.Date         `json:"issueDate,omitzero"`
		Issuer           string              `json:"issuer,omitempty"`
		SHA256           string              `json:"sha256,omitempty"`
		MadeOutTo        string              `json:"madeOutTo,omitempty"`
		Amount           *money.Money        `json:"amount,omitempty"`
		GoodsDescription string              `json:"goodsDescription,omitempty"`
		Quantity         int64               `json:"quantity,omitempty"`
		UnitPrice        *money.Money        `json:"unitPrice,omitempty"`
		OnBoardNotation  bool                `json:"onBoardNotation,omitempty"`
		OnBoardDate      domain.Date         `json:"onBoardDate,omitzero"`
		PortOfLoading    string              `json:"portOfLoading,omitempty"`
		PortOfDischarge  string              `json:"portOfDischarge,omitempty"`
		Transhipment     bool                `json:"transhipment,omitempty"`
		Container        bool                `json:"container,omitempty"`
		Clauses          []string            `json:"clauses,omitempty"`
		InsuredAmount    *money.Money        `json:"insuredAmount,omitempty"`
		EffectiveDate    domain.Date         `json:"effectiveDate,omitzero"`
	}
	examinationDTO struct {
		Compliant     bool             `json:"compliant"`
		Discrepancies []discrepancyDTO `json:"discrepancies"`
		Deadline      domain.Date      `json:"deadline"`
	}
	discrepancyDTO struct {
		Rule     string `json:"rule"`
		Document string `json:"document,omitempty"`
		Field    string `json:"field,omitempty"`
		Message  string `json:"message"`
	}
)

func (p presentationDTO) domain() domain.Presentation {
	out := domain.Presentation{Date: p.Date, Place: p.Place, Bank: p.Bank}
	for _, d := range p.Documents {
		out.Documents = append(out.Documents, domain.Document(d))
	}
	return out
}

func (p presentedDTO) domain() domain.Presentation {
	return presentationDTO{Bank: p.PresentedTo, Documents: p.Documents}.domain()
}

func presentationOf(p domain.Presentation) presentationDTO {
	out := presentationDTO{Date: p.Date, Place: p.Place, Bank: p.Bank, Documents: []documentDTO{}}
	for _, d := range p.Documents {
		out.Documents = append(out.Documents, documentDTO(d))
	}
	return out
}

func examinationOf(e domain.Examination) examinationDTO {
	return examinationDTO{Compliant: e.Compliant, Discrepancies: discrepanciesOf(e.Discrepancies), Deadline: e.Deadline}
}

func discrepanciesOf(ds []domain.Discrepancy) []discrepancyDTO {
	out := make([]discrepancyDTO, 0, len(ds))
	for _, d := range ds {
		out = append(out, discrepancyDTO{Rule: d.Rule, Document: string(d.Document), Field: d.Field, Message: d.Message})
	}
	return out
}

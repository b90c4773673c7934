// Package query holds the letters-of-credit service's read-side use cases.
package query

import (
	"fmt"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// ExaminePresentation is the stateless pre-check: exporters and banks examine a presentation
// against a credit's terms before presenting.
type ExaminePresentation struct {
	Terms        domain.Terms
	Presentation domain.Presentation
}

// ExaminePresentationHandler runs the examination on the bank's calendars: the one of the bank
// presented to, or of the credit's place for presentation.
type ExaminePresentationHandler struct {
	Calendars domain.Calendars
}

// Handle validates the request and examines it; every field at fault is named at once.
func (h ExaminePresentationHandler) Handle(q ExaminePresentation) (domain.Examination, error) {
	var bad domain.InvalidFields
	req := func(ok bool, name, reason string) {
		if !ok {
			bad = append(bad, domain.FieldError{Field: name, Reason: reason})
		}
	}
	req(!q.Terms.Amount.Currency.IsZero(), "terms.amount.currency", "required (ISO 4217)")
	req(q.Terms.Amount.IsPositive(), "terms.amount.minor", "must be a positive amount in minor units")
	req(!q.Terms.ExpiryDate.IsZero(), "terms.expiryDate", "required (MT700 31D)")
	req(q.Terms.Beneficiary.Name != "", "terms.beneficiary.name", "required")
	req(q.Terms.Applicant.Name != "", "terms.applicant.name", "required")
	req(!q.Presentation.Date.IsZero(), "presentation.date", "required")
	if err := domain.CheckExamination(q.Terms, q.Presentation); err != nil {
		bad = append(bad, err.(domain.InvalidFields)...)
	}
	if len(bad) == 0 { // a list over its bound is not walked
		for i, d := range q.Presentation.Documents {
			req(known(d.Kind), fmt.Sprintf("presentation.documents[%d].kind", i), "unknown document kind "+string(d.Kind))
		}
		for i, k := range q.Terms.Documents {
			req(known(k), fmt.Sprintf("terms.documentsRequired[%d]", i), "unknown document kind "+string(k))
		}
	}
	if len(bad) > 0 {
		return domain.Examination{}, bad
	}
	return domain.Examine(q.Terms, q.Presentation, h.Calendars.OfBank(q.Presentation.Bank, q.Terms)), nil
}

func known(k domain.DocumentKind) bool {
	switch k {
	case domain.CommercialInvoice, domain.BillOfLading, domain.InsuranceDocument, domain.PackingList, domain.CertificateOfOrigin:
		return true
	}
	return false
}

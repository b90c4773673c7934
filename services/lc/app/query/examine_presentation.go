// Package query holds the letters-of-credit service's read-side use cases.
package query

import (
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ExaminePresentation is the stateless pre-check: exporters and banks examine a presentation
// against a credit's terms before presenting.
type ExaminePresentation struct {
	Terms        domain.Terms
	Presentation domain.Presentation
	Holidays     []domain.Date // of the place of presentation
}

// ExaminePresentationHandler runs the examination.
type ExaminePresentationHandler struct{}

// Handle validates the request and examines it.
func (ExaminePresentationHandler) Handle(q ExaminePresentation) (domain.Examination, error) {
	var bad []problem.InvalidParam
	req := func(ok bool, name, reason string) {
		if !ok {
			bad = append(bad, problem.InvalidParam{Name: name, Reason: reason})
		}
	}
	req(!q.Terms.Amount.Currency.IsZero(), "terms.amount.currency", "required (ISO 4217)")
	req(q.Terms.Amount.IsPositive(), "terms.amount.minor", "must be a positive amount in minor units")
	req(!q.Terms.ExpiryDate.IsZero(), "terms.expiryDate", "required (MT700 31D)")
	req(q.Terms.Beneficiary.Name != "", "terms.beneficiary.name", "required")
	req(q.Terms.Applicant.Name != "", "terms.applicant.name", "required")
	req(!q.Presentation.Date.IsZero(), "presentation.date", "required")
	for i, d := range q.Presentation.Documents {
		req(known(d.Kind), "presentation.documents["+itoa(i)+"].kind", "unknown document kind "+string(d.Kind))
	}
	for i, k := range q.Terms.Documents {
		req(known(k), "terms.documentsRequired["+itoa(i)+"]", "unknown document kind "+string(k))
	}
	if len(bad) > 0 {
		return domain.Examination{}, problem.InvalidFields(bad...)
	}
	cal := domain.Calendar{Place: q.Presentation.Place, Holidays: q.Holidays}
	return domain.Examine(q.Terms, q.Presentation, cal), nil
}

func known(k domain.DocumentKind) bool {
	switch k {
	case domain.CommercialInvoice, domain.BillOfLading, domain.InsuranceDocument, domain.PackingList, domain.CertificateOfOrigin:
		return true
	}
	return false
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

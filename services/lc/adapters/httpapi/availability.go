package httpapi

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// availabilityDTO is MT700 41a with 42C, 42a, 42M and 42P: with which bank and how the credit is
// available, and the usance tenor (e.g. "90 DAYS AFTER B/L DATE"). Its fields are the domain
// Availability's, in order.
type availabilityDTO struct {
	With                   string `json:"with,omitempty"`
	By                     string `json:"by,omitempty"`
	DraftsAt               string `json:"draftsAt,omitempty"`
	Drawee                 string `json:"drawee,omitempty"`
	MixedPaymentDetails    string `json:"mixedPaymentDetails,omitempty"`
	DeferredPaymentDetails string `json:"deferredPaymentDetails,omitempty"`
}

// undertakingView is a usance presentation's undertaking at honour: a deferred payment
// undertaking or an accepted draft, payable on the maturity date.
type undertakingView struct {
	Kind         string      `json:"kind"` // DEFERRED_PAYMENT or ACCEPTED_DRAFT
	Tenor        string      `json:"tenor"`
	Drawee       string      `json:"drawee,omitempty"`
	On           domain.Date `json:"on"`
	MaturityDate domain.Date `json:"maturityDate"`
	PayableAt    string      `json:"payableAt"` // RFC 3339: the maturity date's start at the place of payment
	// Instalments are a mixed payment credit's (42M): the sight part paid at the honour, the
	// deferred parts at their maturities (UCP 600 Art. 2, "honour" (a), (b)).
	Instalments []instalmentView `json:"instalments,omitempty"`
}

// instalmentView is one instalment of a mixed payment honour.
type instalmentView struct {
	Number       int         `json:"number"`
	Percent      int         `json:"percent"`
	Tenor        string      `json:"tenor"`
	Amount       money.Money `json:"amount"`
	MaturityDate domain.Date `json:"maturityDate"`
	PayableAt    string      `json:"payableAt,omitempty"` // absent: paid at the honour
}

// withAvailability puts the request's form, availability and banks into the domain's terms.
func withAvailability(out *domain.Terms, t termsDTO) {
	out.Form, out.ReimbursingBank, out.AdviseThroughBank, out.Instructions = domain.Form(t.Form), t.ReimbursingBank, t.AdviseThroughBank, t.Instructions
	if a := t.Availability; a != nil {
		out.Availability = domain.Availability{With: a.With, By: domain.AvailableBy(a.By), DraftsAt: a.DraftsAt, Drawee: a.Drawee,
			MixedPaymentDetails: a.MixedPaymentDetails, DeferredPaymentDetails: a.DeferredPaymentDetails}
	}
}

// availabilityOf shows the credit's form and availability as they stand, defaults filled in:
// every credit is available with a bank by one of UCP 600 Art. 6(b)'s ways, and irrevocable.
func availabilityOf(out *termsDTO, t domain.Terms) {
	out.Form, out.ReimbursingBank, out.AdviseThroughBank, out.Instructions = string(t.FormOfCredit()), t.ReimbursingBank, t.AdviseThroughBank, t.Instructions
	a := t.Availability
	out.Availability = &availabilityDTO{With: t.AvailableWith(), By: string(t.AvailableBy()), DraftsAt: a.DraftsAt, Drawee: a.Drawee,
		MixedPaymentDetails: a.MixedPaymentDetails, DeferredPaymentDetails: a.DeferredPaymentDetails}
}

func undertakingViewOf(u *domain.Undertaking, its []domain.Instalment) *undertakingView {
	if u == nil {
		return nil
	}
	v := &undertakingView{Kind: string(u.Kind), Tenor: u.Tenor, Drawee: u.Drawee, On: u.On, MaturityDate: u.MaturityDate, PayableAt: rfc3339(u.PayableAt)}
	for _, it := range its {
		v.Instalments = append(v.Instalments, instalmentView{Number: it.Number, Percent: it.Percent, Tenor: it.Tenor, Amount: it.Amount,
			MaturityDate: it.MaturityDate, PayableAt: rfc3339(it.PayableAt)})
	}
	return v
}

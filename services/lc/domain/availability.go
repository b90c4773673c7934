package domain

import (
	"fmt"
	"regexp"
)

// Form is MT700 40A, the form of documentary credit. A credit is irrevocable even if it does
// not say so (UCP 600 Art. 3); a transferable one says IRREVOCABLE TRANSFERABLE (Art. 38).
type Form string

// FormIrrevocable is the only form the service issues so far.
const FormIrrevocable Form = "IRREVOCABLE"

// AvailableBy is how the credit is honoured (MT700 41a, its codes).
type AvailableBy string

// The codes of MT700 41a.
const (
	ByPayment         AvailableBy = "BY PAYMENT"     // sight payment, Art. 2 "honour" (a)
	ByDeferredPayment AvailableBy = "BY DEF PAYMENT" // a deferred payment undertaking, Art. 2 "honour" (b)
	ByAcceptance      AvailableBy = "BY ACCEPTANCE"  // acceptance of a draft, Art. 2 "honour" (c)
	ByNegotiation     AvailableBy = "BY NEGOTIATION" // purchase of drafts or documents by the nominated bank, Art. 2
	ByMixedPayment    AvailableBy = "BY MIXED PYMT"  // part sight, part deferred (42M)
)

// AnyBank is 41a's "ANY BANK": a freely available credit, every bank nominated (Art. 6(a)).
const AnyBank = "ANY BANK"

// Bounds of the availability's texts: their MT700 sizes.
const (
	MaxDraftsAtLength       = 105 // 42C: 3*35x
	MaxPaymentDetailsLength = 140 // 42M, 42P: 4*35x
	MaxInstructionsLength   = 780 // 78: 12*65x
	maxAvailableWithLength  = 11  // 41a: a BIC, or ANY BANK
	maxBankIdentifierLength = 11  // 42a, 53a, 57a: a BIC (ISO 9362)
)

// bicPattern is ISO 9362: bank code, country, location, optional branch.
var bicPattern = regexp.MustCompile(`^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$`)

// Availability is with which bank and how the credit is available: MT700 41a, with the drafts
// (42C, 42a) and the payment details (42M, 42P) usance needs.
type Availability struct {
	// With is 41a's bank: a BIC, or ANY BANK; empty, the advising bank.
	With string
	By   AvailableBy // empty: BY PAYMENT (credits applied for before 41a was stated)
	// DraftsAt is 42C, the tenor of the drafts (e.g. "90 DAYS AFTER B/L DATE", "AT SIGHT").
	DraftsAt string
	// Drawee is 42a, the bank the drafts are drawn on (a BIC).
	Drawee string
	// MixedPaymentDetails is 42M; DeferredPaymentDetails is 42P (e.g. "60 DAYS AFTER SIGHT").
	MixedPaymentDetails    string
	DeferredPaymentDetails string
}

// AvailableBy is how the credit is available: BY PAYMENT when the terms leave it out, so every
// credit states one of Art. 6(b)'s ways (its MT700 41a says so).
func (t Terms) AvailableBy() AvailableBy {
	if t.Availability.By == "" {
		return ByPayment
	}
	return t.Availability.By
}

// FormOfCredit is 40A: IRREVOCABLE when the terms leave it out (Art. 3).
func (t Terms) FormOfCredit() Form {
	if t.Form == "" {
		return FormIrrevocable
	}
	return t.Form
}

// AvailableWith is 41a's bank: the advising bank when the terms name none.
func (t Terms) AvailableWith() string {
	if t.Availability.With == "" {
		return t.AdvisingBank
	}
	return t.Availability.With
}

// checkAvailability checks the form, the availability and the banks of the terms: the MT700
// network rules on 42C/42a/42M/42P (C3: 42C and 42a together; C4: only one of 42C+42a, 42M, 42P)
// and UCP 600 Art. 6(b), 6(c); a usance tenor is parsed here (ParseTenor), so a credit whose
// maturity cannot be computed is never issued.
func checkAvailability(t Terms) InvalidFields {
	const at = "terms."
	var b bounds
	a := t.Availability
	b.text(at+"availability.with", a.With, maxAvailableWithLength)
	b.text(at+"availability.draftsAt", a.DraftsAt, MaxDraftsAtLength)
	b.text(at+"availability.drawee", a.Drawee, maxBankIdentifierLength)
	b.text(at+"availability.mixedPaymentDetails", a.MixedPaymentDetails, MaxPaymentDetailsLength)
	b.text(at+"availability.deferredPaymentDetails", a.DeferredPaymentDetails, MaxPaymentDetailsLength)
	b.text(at+"reimbursingBank", t.ReimbursingBank, maxBankIdentifierLength)
	b.text(at+"adviseThroughBank", t.AdviseThroughBank, maxBankIdentifierLength)
	b.text(at+"instructions", t.Instructions, MaxInstructionsLength)
	if len(b.bad) > 0 {
		return b.bad
	}
	bad := b.bad
	add := func(field, reason string) { bad = append(bad, FieldError{Field: at + field, Reason: reason}) }
	if t.Form != "" && t.Form != FormIrrevocable && t.Form != FormIrrevocableTransferable {
		add("form", fmt.Sprintf("%q: MT700 40A, IRREVOCABLE or IRREVOCABLE TRANSFERABLE (UCP 600 Art. 3, 38)", t.Form))
	}
	if a.With != "" && a.With != AnyBank && !bicPattern.MatchString(a.With) {
		add("availability.with", "MT700 41a: the nominated bank's BIC (ISO 9362), or ANY BANK (UCP 600 Art. 6(a))")
	}
	for _, f := range []struct{ name, bic string }{
		{"availability.drawee", a.Drawee}, {"reimbursingBank", t.ReimbursingBank}, {"adviseThroughBank", t.AdviseThroughBank},
	} {
		if f.bic != "" && !bicPattern.MatchString(f.bic) {
			add(f.name, "a bank's BIC (ISO 9362): 8 or 11 letters and digits")
		}
	}
	// Art. 6(c): a credit must not be issued available by a draft drawn on the applicant.
	if a.Drawee != "" && (sameText(a.Drawee, t.Applicant.ID) || sameText(a.Drawee, t.Applicant.Name)) {
		add("availability.drawee", "the applicant: a credit must not be available by a draft drawn on the applicant (UCP 600 Art. 6(c))")
	}
	if a.By == ByNegotiation && a.With != "" && sameText(a.With, t.IssuingBank) {
		add("availability.with", "the issuing bank: negotiation is the purchase of drafts or documents by a nominated bank (UCP 600 Art. 2), not by the issuing bank")
	}
	return append(bad, checkAvailableBy(t)...)
}

// checkAvailableBy checks the fields each way of availability needs and excludes.
func checkAvailableBy(t Terms) InvalidFields {
	const at = "terms.availability."
	a := t.Availability
	var bad InvalidFields
	add := func(field, reason string) { bad = append(bad, FieldError{Field: at + field, Reason: reason}) }
	drafts, mixed, deferred := a.DraftsAt != "" || a.Drawee != "", a.MixedPaymentDetails != "", a.DeferredPaymentDetails != ""
	if (a.DraftsAt == "") != (a.Drawee == "") {
		add("drawee", "MT700 42C and 42a go together: drafts at a tenor drawn on a named bank (network rule C3)")
	}
	if n := count(drafts, mixed, deferred); n > 1 {
		add("by", "MT700 network rule C4: only one of drafts (42C with 42a), mixed payment details (42M) or deferred payment details (42P)")
		return bad
	}
	tenor := func(field, text string, usance bool) {
		tn, err := ParseTenor(text)
		switch {
		case err != nil:
			add(field, err.Error())
		case usance && tn.IsSight():
			add(field, fmt.Sprintf("%q is at sight; %s needs a usance tenor (e.g. 90 DAYS AFTER B/L DATE)", text, t.AvailableBy()))
		case !usance && !tn.IsSight():
			add(field, fmt.Sprintf("%q is a usance tenor; a sight payment credit's drafts are at sight (use BY DEF PAYMENT or BY ACCEPTANCE)", text))
		default:
			bad = append(bad, tn.needs(t, at+field)...)
		}
	}
	switch t.AvailableBy() {
	case ByPayment:
		if mixed || deferred {
			add("by", "BY PAYMENT is at sight: no mixed (42M) or deferred (42P) payment details")
		} else if a.DraftsAt != "" {
			tenor("draftsAt", a.DraftsAt, false)
		}
	case ByDeferredPayment:
		if !deferred {
			add("deferredPaymentDetails", "required: a deferred payment credit states when it pays (MT700 42P), e.g. 60 DAYS AFTER SIGHT")
		} else {
			tenor("deferredPaymentDetails", a.DeferredPaymentDetails, true)
		}
	case ByAcceptance:
		if a.DraftsAt == "" || a.Drawee == "" {
			add("draftsAt", "required with drawee: an acceptance credit states the drafts' tenor (MT700 42C) and the bank they are drawn on (42a)")
		} else {
			tenor("draftsAt", a.DraftsAt, true)
		}
	case ByNegotiation:
		if mixed || deferred {
			add("by", "BY NEGOTIATION: drafts (42C with 42a) or none, no payment details (42M, 42P)")
		} else if a.DraftsAt != "" {
			if tn, err := ParseTenor(a.DraftsAt); err != nil || !tn.IsSight() {
				tenor("draftsAt", a.DraftsAt, true)
			}
		}
	case ByMixedPayment: // mixed_payment.go
		if !mixed {
			add("mixedPaymentDetails", "required: a mixed payment credit states its instalments and their dates (MT700 42M)")
		} else {
			bad = append(bad, checkMixedPayment(t, at+"mixedPaymentDetails")...)
		}
	default:
		add("by", fmt.Sprintf("%q: one of BY PAYMENT, BY DEF PAYMENT, BY ACCEPTANCE, BY NEGOTIATION, BY MIXED PYMT (MT700 41a; UCP 600 Art. 6(b))", a.By))
	}
	return bad
}

// Tenor is the credit's usance tenor (42C or 42P): the zero Tenor and ok false for a sight credit.
func (t Terms) Tenor() (Tenor, bool) {
	var text string
	switch t.AvailableBy() {
	case ByDeferredPayment:
		text = t.Availability.DeferredPaymentDetails
	case ByAcceptance, ByNegotiation:
		text = t.Availability.DraftsAt
	}
	if text == "" {
		return Tenor{}, false
	}
	tn, err := ParseTenor(text)
	if err != nil || tn.IsSight() {
		return Tenor{}, false
	}
	return tn, true
}

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

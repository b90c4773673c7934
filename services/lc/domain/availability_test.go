package domain

import (
	"errors"
	"strings"
	"testing"
)

// TestAvailabilityCombinations: each way of availability with the fields it needs and those it
// excludes (MT700 network rules C3, C4; UCP 600 Art. 2, 6(b), 6(c)).
func TestAvailabilityCombinations(t *testing.T) {
	acceptance := Availability{By: ByAcceptance, DraftsAt: "90 DAYS AFTER B/L DATE", Drawee: "ESSESESS"}
	for _, c := range []struct {
		name  string
		edit  func(*Terms)
		field string // the field at fault; "" when the terms are valid
		says  string
	}{
		{"none stated: by payment at sight", func(*Terms) {}, "", ""},
		{"sight payment with sight drafts", func(t *Terms) { t.Availability = Availability{By: ByPayment, DraftsAt: "AT SIGHT", Drawee: "ESSESESS"} }, "", ""},
		{"acceptance", func(t *Terms) { t.Availability = acceptance }, "", ""},
		{"deferred payment", func(t *Terms) {
			t.Availability = Availability{By: ByDeferredPayment, DeferredPaymentDetails: "60 DAYS AFTER SIGHT"}
		}, "", ""},
		{"negotiation, freely available", func(t *Terms) { t.Availability = Availability{With: AnyBank, By: ByNegotiation} }, "", ""},
		{"negotiation of usance drafts", func(t *Terms) {
			t.Availability = Availability{With: "BCOMPTPL", By: ByNegotiation, DraftsAt: "ON 2027-03-01", Drawee: "ESSESESS"}
		}, "", ""},
		{"irrevocable", func(t *Terms) { t.Form = FormIrrevocable }, "", ""},
		{"revocable", func(t *Terms) { t.Form = "REVOCABLE" }, "terms.form", "IRREVOCABLE"},
		{"an unknown way", func(t *Terms) { t.Availability.By = "BY CASH" }, "terms.availability.by", "Art. 6(b)"},
		{"acceptance without drafts", func(t *Terms) { t.Availability = Availability{By: ByAcceptance} }, "terms.availability.draftsAt", "42C"},
		{"drafts without drawee", func(t *Terms) { t.Availability = Availability{By: ByAcceptance, DraftsAt: "90 DAYS AFTER SIGHT"} }, "terms.availability.drawee", "C3"},
		{"acceptance at sight", func(t *Terms) { a := acceptance; a.DraftsAt = "AT SIGHT"; t.Availability = a }, "terms.availability.draftsAt", "usance"},
		{"drafts on the applicant", func(t *Terms) { a := acceptance; a.Drawee = "NORDSESS"; t.Availability, t.Applicant.ID = a, "NORDSESS" }, "terms.availability.drawee", "Art. 6(c)"},
		{"drawee not a bank", func(t *Terms) { a := acceptance; a.Drawee = "Nordic"; t.Availability = a }, "terms.availability.drawee", "BIC"},
		{"deferred payment without details", func(t *Terms) { t.Availability = Availability{By: ByDeferredPayment} }, "terms.availability.deferredPaymentDetails", "42P"},
		{"deferred payment with drafts", func(t *Terms) {
			t.Availability = Availability{By: ByDeferredPayment, DeferredPaymentDetails: "60 DAYS AFTER SIGHT", DraftsAt: "60 DAYS AFTER SIGHT", Drawee: "ESSESESS"}
		}, "terms.availability.by", "C4"},
		{"deferred payment at sight", func(t *Terms) {
			t.Availability = Availability{By: ByDeferredPayment, DeferredPaymentDetails: "AT SIGHT"}
		}, "terms.availability.deferredPaymentDetails", "usance"},
		{"an incomputable tenor", func(t *Terms) {
			t.Availability = Availability{By: ByDeferredPayment, DeferredPaymentDetails: "90 DAYS AFTER ARRIVAL"}
		}, "terms.availability.deferredPaymentDetails", "ISBP 821 B2"},
		{"sight payment with usance drafts", func(t *Terms) { a := acceptance; a.By = ByPayment; t.Availability = a }, "terms.availability.draftsAt", "usance"},
		{"sight payment with deferred details", func(t *Terms) {
			t.Availability = Availability{By: ByPayment, DeferredPaymentDetails: "60 DAYS AFTER SIGHT"}
		}, "terms.availability.by", "42P"},
		{"negotiation by the issuing bank", func(t *Terms) { t.Availability = Availability{With: "ESSESESS", By: ByNegotiation} }, "terms.availability.with", "Art. 2"},
		{"available with no bank", func(t *Terms) { t.Availability = Availability{With: "someone", By: ByNegotiation} }, "terms.availability.with", "41a"},
		{"mixed payment without details", func(t *Terms) { t.Availability = Availability{By: ByMixedPayment} }, "terms.availability.mixedPaymentDetails", "42M"},
		{"mixed payment not summing to 100", func(t *Terms) {
			t.Availability = Availability{By: ByMixedPayment, MixedPaymentDetails: "50 PCT AT SIGHT, 40 PCT 90 DAYS AFTER SIGHT"}
		}, "terms.availability.mixedPaymentDetails", "sum to 90"},
		{"a tenor from a document not called for", func(t *Terms) { a := acceptance; t.Availability, t.Documents = a, []DocumentKind{CommercialInvoice} }, "terms.availability.draftsAt", "46A"},
		{"reimbursing bank not a bank", func(t *Terms) { t.ReimbursingBank = "x" }, "terms.reimbursingBank", "BIC"},
		{"advise-through bank too long", func(t *Terms) { t.AdviseThroughBank = "BCOMPTPLXXXX" }, "terms.adviseThroughBank", "at most 11"},
		{"instructions too long", func(t *Terms) { t.Instructions = strings.Repeat("x", MaxInstructionsLength+1) }, "terms.instructions", "at most"},
	} {
		t.Run(c.name, func(t *testing.T) {
			terms := credit()
			c.edit(&terms)
			_, err := Apply("LC-A", "T-A", terms, cals)
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fs InvalidFields
			if !errors.As(err, &fs) || fs[0].Field != c.field || !strings.Contains(fs[0].Reason, c.says) {
				t.Fatalf("got %v, want %s refused naming %q", err, c.field, c.says)
			}
		})
	}
}

// TestTermsStateTheirAvailability: a credit that leaves 41a out is irrevocable and available by
// payment at sight with the advising bank (its MT700 says so: UCP 600 Art. 3, 6(b)); only a
// usance credit has a tenor.
func TestTermsStateTheirAvailability(t *testing.T) {
	sight := credit()
	if sight.FormOfCredit() != FormIrrevocable || sight.AvailableBy() != ByPayment || sight.AvailableWith() != "BCOMPTPL" {
		t.Errorf("defaults: %s, %s with %s", sight.FormOfCredit(), sight.AvailableBy(), sight.AvailableWith())
	}
	if _, usance := sight.Tenor(); usance {
		t.Error("a sight credit has a tenor")
	}
	usance := credit()
	usance.Availability = Availability{By: ByDeferredPayment, DeferredPaymentDetails: "60 DAYS AFTER SIGHT"}
	if tn, ok := usance.Tenor(); !ok || tn != (Tenor{Days: 60, After: AfterSight}) {
		t.Errorf("tenor %+v, %v", tn, ok)
	}
}

package domain

import (
	"slices"
	"testing"
	"time"
)

func amendableCredit(t *testing.T) *LetterOfCredit {
	t.Helper()
	lc, err := Apply("LC-N", "T-N", credit(), cals)
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(NewDate(2026, time.November, 2), Stamp{}, FourEyes{}); err != nil {
		t.Fatal(err)
	}
	return lc
}

// TestNarrativeChangesMakeTheTermsOfTheAcceptedAmendment: 45B, 46B and 47B changes with /ADD/,
// /DELETE/ and /REPALL/, and the other fields, change nothing until accepted (Art. 10(b)), then
// the terms are the amendment's; a document added is then required at examination.
func TestNarrativeChangesMakeTheTermsOfTheAcceptedAmendment(t *testing.T) {
	lc := amendableCredit(t)
	lc.Terms.AdditionalConditions = []string{"THIRD PARTY DOCUMENTS NOT ACCEPTABLE"}
	tol := Tolerance{PlusPct: 5, MinusPct: 5}
	a := Amendment{Date: NewDate(2026, time.November, 20),
		TermChanges: TermChanges{NewTolerance: &tol, NewPartialShipments: Allowed, NewPortOfDischarge: "SESTO", NewPresentationPeriodDays: 10,
			NewBeneficiary: &Party{Name: "Azulejos de Lisboa Lda", Address: "Rua Augusta 1, Lisboa"}},
		Narrative: Narrative{
			Goods:      []NarrativeChange{{Code: NarrativeAdd, Text: "glazed, 30 x 30 cm"}},
			Documents:  []NarrativeChange{{Code: NarrativeDelete, Document: InsuranceDocument}, {Code: NarrativeAdd, Document: CertificateOfOrigin}},
			Conditions: []NarrativeChange{{Code: NarrativeDelete, Text: "third party documents not acceptable"}, {Code: NarrativeAdd, Text: "DOCUMENTS IN ENGLISH"}},
		}}
	if _, err := lc.Amend(a); err != nil {
		t.Fatal(err)
	}
	if lc.Terms.Goods.Description != "ceramic floor tiles" || len(lc.Terms.Documents) != 4 || lc.Terms.Tolerance != nil {
		t.Fatalf("an amendment not yet accepted changed the terms: %+v", lc.Terms)
	}
	if got := lc.Amendments[0].Fields(); !slices.Equal(got, []string{"59", "39A", "43P", "44F", "45B", "46B", "47B", "48"}) {
		t.Fatalf("fields %v", got)
	}
	if err := lc.AnswerAmendment(1, true, cals); err != nil {
		t.Fatal(err)
	}
	tm := lc.Terms
	if tm.Goods.Description != "ceramic floor tiles\nglazed, 30 x 30 cm" ||
		!slices.Equal(tm.Documents, []DocumentKind{CommercialInvoice, BillOfLading, PackingList, CertificateOfOrigin}) ||
		!slices.Equal(tm.AdditionalConditions, []string{"DOCUMENTS IN ENGLISH"}) || *tm.Tolerance != tol || tm.PartialShipments != Allowed ||
		tm.PortOfDischarge != "SESTO" || tm.PresentationPeriodDays != 10 || tm.Beneficiary.Name != "Azulejos de Lisboa Lda" || tm.Beneficiary.ID != exporterLEI {
		t.Fatalf("terms after the accepted amendment: %+v", tm)
	}
	res := Examine(tm, complying(), lisbon)
	if !slices.ContainsFunc(res.Discrepancies, func(d Discrepancy) bool { return d.Document == CertificateOfOrigin }) {
		t.Fatalf("the added document is not required at examination: %+v", res.Discrepancies)
	}
	// /REPALL/ replaces the whole field.
	if _, err := lc.Amend(Amendment{Narrative: Narrative{Goods: []NarrativeChange{{Code: NarrativeReplaceAll, Text: "porcelain wall tiles"}}}}); err != nil {
		t.Fatal(err)
	}
	if err := lc.AnswerAmendment(2, true, cals); err != nil || lc.Terms.Goods.Description != "porcelain wall tiles" {
		t.Fatalf("REPALL: %v %q", err, lc.Terms.Goods.Description)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if replayed.Terms.Goods.Description != lc.Terms.Goods.Description || !slices.Equal(replayed.Terms.Documents, lc.Terms.Documents) {
		t.Fatal("replay differs")
	}
}

// TestNarrativeChangesThatCannotBeMade are refused naming the change.
func TestNarrativeChangesThatCannotBeMade(t *testing.T) {
	for _, c := range []struct {
		name  string
		n     Narrative
		tc    TermChanges
		field string
	}{
		{"delete what the credit does not say", Narrative{Goods: []NarrativeChange{{Code: NarrativeDelete, Text: "vases"}}}, TermChanges{}, "goods[0]"},
		{"add what it says already", Narrative{Documents: []NarrativeChange{{Code: NarrativeAdd, Document: BillOfLading}}}, TermChanges{}, "documents[0]"},
		{"a 46B change names its document", Narrative{Documents: []NarrativeChange{{Code: NarrativeAdd, Text: "a weight note"}}}, TermChanges{}, "documents[0].document"},
		{"REPALL is the field's only code", Narrative{Conditions: []NarrativeChange{{Code: NarrativeReplaceAll, Text: "A"}, {Code: NarrativeDelete, Text: "A"}}}, TermChanges{}, "conditions[1]"},
		{"an unknown code", Narrative{Goods: []NarrativeChange{{Code: "AMEND", Text: "x"}}}, TermChanges{}, "goods[0]"},
		{"an empty addition", Narrative{Goods: []NarrativeChange{{Code: NarrativeAdd, Text: "  "}}}, TermChanges{}, "goods[0]"},
		{"another beneficiary is a transfer", Narrative{}, TermChanges{NewBeneficiary: &Party{ID: outsiderLEI, Name: "Outsider"}}, "newBeneficiary.id"},
		{"a permission of the MT707's codes", Narrative{}, TermChanges{NewTranshipment: "MAYBE"}, "newTranshipment"},
	} {
		t.Run(c.name, func(t *testing.T) {
			lc := amendableCredit(t)
			_, err := lc.RequestAmendment(Amendment{Narrative: c.n, TermChanges: c.tc}, Stamp{Org: importerLEI, User: "ingrid"})
			fs, ok := err.(InvalidFields)
			if !ok || !slices.ContainsFunc(fs, func(f FieldError) bool { return f.Field == c.field }) {
				t.Fatalf("%v, want %s named", err, c.field)
			}
		})
	}
}

// TestAmendmentFromRequestThroughAdvice: the applicant requests, the issuing bank issues, the
// advising bank that advised the credit advises (Art. 9(d)) before the beneficiary answers, and
// an acceptance of part is a rejection (Art. 10(e)).
func TestAmendmentFromRequestThroughAdvice(t *testing.T) {
	lc := amendableCredit(t)
	if err := lc.Advise("BCOMPTPL", NewDate(2026, time.November, 3)); err != nil {
		t.Fatal(err)
	}
	a := Amendment{Date: NewDate(2026, time.November, 20), Narrative: Narrative{Conditions: []NarrativeChange{{Code: NarrativeAdd, Text: "DOCUMENTS IN ENGLISH"}}},
		Increase: eurAmount(1_000_00)}
	if _, err := lc.RequestAmendment(a, Stamp{Org: importerLEI, User: "ingrid"}); err != nil {
		t.Fatal(err)
	}
	if err := lc.AdviseAmendment(1, "BCOMPTPL", NewDate(2026, time.November, 21)); err == nil {
		t.Fatal("a request, not issued, was advised")
	}
	if _, err := lc.Amend(Amendment{NewExpiry: NewDate(2027, time.January, 15)}); err == nil {
		t.Fatal("a second amendment while the request is open")
	}
	if err := lc.IssueAmendment(1, NewDate(2026, time.November, 21)); err != nil {
		t.Fatal(err)
	}
	if err := lc.AnswerAmendment(1, true, cals); KindOf(err) != KindConflict {
		t.Fatalf("an answer before the advice: %v", err)
	}
	if err := lc.AdviseAmendment(1, "OTHRGB2L", NewDate(2026, time.November, 22)); err == nil {
		t.Fatal("another bank advised the amendment")
	}
	if err := lc.AdviseAmendment(1, "BCOMPTPL", NewDate(2026, time.November, 22)); err != nil {
		t.Fatal(err)
	}
	if err := lc.AnswerAmendment(1, true, cals, "32B"); err != nil {
		t.Fatal(err)
	}
	if x := lc.Amendments[0]; x.Status != StateRejected || !x.Partial || lc.Terms.Amount.Minor != 100_000_00 || len(lc.Terms.AdditionalConditions) != 0 {
		t.Fatalf("a partial acceptance: %+v, terms %+v", x, lc.Terms)
	}
	if _, err := lc.RequestAmendment(a, Stamp{Org: importerLEI, User: "ingrid"}); err != nil {
		t.Fatal(err)
	}
	if err := lc.DeclineAmendment(2, "the applicant's facility does not cover an increase"); err != nil || lc.Amendments[1].Status != StateDeclined {
		t.Fatalf("decline: %v %+v", err, lc.Amendments[1])
	}
}

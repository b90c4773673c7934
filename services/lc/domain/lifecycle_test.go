package domain

import (
	"errors"
	"testing"
)

// credit in a status: each status reached the way a credit reaches it.
func creditIn(t *testing.T, s Status) *LetterOfCredit {
	t.Helper()
	lc := issuedCredit(t)
	switch s {
	case StatusApplied:
		lc, _ = Apply("LC-A", "T-A", lc.Terms, cals)
	case StatusAdvised, StatusAccepted:
		if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 3)); err != nil {
			t.Fatal(err)
		}
		if s == StatusAccepted {
			if err := lc.Accept(NewDate(2026, 11, 4)); err != nil {
				t.Fatal(err)
			}
		}
	case StatusRefused, StatusHonoured: // as replayed from the store
		lc.Apply(DocumentsExamined{PresentationID: "P-1"})
		if s == StatusRefused {
			lc.Apply(PresentationRefused{PresentationID: "P-1"})
		} else {
			lc.Apply(Honoured{PresentationID: "P-1", Date: NewDate(2026, 11, 20)})
		}
	}
	if lc.Status != s {
		t.Fatalf("set up %s, got %s", s, lc.Status)
	}
	return lc
}

// TestWhatEachStatusAllows: advice only of an issued credit, acceptance only of an advised one;
// documents may be presented from issuance on (Art. 7(b)) and again after a refusal (Art. 16),
// never before issuance or after honour.
func TestWhatEachStatusAllows(t *testing.T) {
	for _, c := range []struct {
		status                    Status
		advise, accept, available bool
	}{
		{StatusApplied, false, false, false},
		{StatusIssued, true, false, true},
		{StatusAdvised, false, true, true},
		{StatusAccepted, false, false, true},
		{StatusRefused, false, false, true},
		{StatusHonoured, false, false, false},
	} {
		t.Run(string(c.status), func(t *testing.T) {
			if got := creditIn(t, c.status).available(); got != c.available {
				t.Errorf("available = %v", got)
			}
			err := creditIn(t, c.status).Advise("BCOMPTPL", NewDate(2026, 11, 10))
			if (err == nil) != c.advise || (err != nil && !errors.Is(err, ErrInvalidState)) {
				t.Errorf("advise: %v", err)
			}
			err = creditIn(t, c.status).Accept(NewDate(2026, 11, 10))
			if (err == nil) != c.accept || (err != nil && !errors.Is(err, ErrInvalidState)) {
				t.Errorf("accept: %v", err)
			}
		})
	}
}

// TestAdviceRules: the error says who or which field is at fault; a retry without a date keeps
// the recorded one.
func TestAdviceRules(t *testing.T) {
	lc := issuedCredit(t)
	if err := lc.Advise("DEUTDEFF", NewDate(2026, 11, 3)); !errors.Is(err, ErrNotAdvisingBank) {
		t.Errorf("another bank: %v", err)
	}
	var fs InvalidFields
	if err := lc.Advise("BCOMPTPL", Date{}); !errors.As(err, &fs) || fs[0].Field != "advisedOn" {
		t.Errorf("no date: %v", err)
	}
	if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 1)); !errors.As(err, &fs) || fs[0].Field != "advisedOn" {
		t.Errorf("before issue: %v", err)
	}
	if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 3)); err != nil {
		t.Fatal(err)
	}
	if err := lc.Advise("BCOMPTPL", Date{}); err != nil || lc.AdvisedOn != NewDate(2026, 11, 3) || len(lc.Changes()) != 3 {
		t.Errorf("retry without a date: %v, advised on %s, %d events", err, lc.AdvisedOn, len(lc.Changes()))
	}
	if err := lc.Accept(NewDate(2026, 11, 2)); !errors.As(err, &fs) || fs[0].Field != "acceptedOn" {
		t.Errorf("accepted before the advice: %v", err)
	}
	if err := lc.Accept(NewDate(2026, 11, 4)); err != nil {
		t.Fatal(err)
	}
	if err := lc.Accept(Date{}); err != nil || len(lc.Changes()) != 4 {
		t.Errorf("acceptance retried: %v, %d events", err, len(lc.Changes()))
	}
}

// TestApplicationNamesEachMissingField.
func TestApplicationNamesEachMissingField(t *testing.T) {
	_, err := Apply("", "", Terms{}, cals)
	var fs InvalidFields
	if !errors.As(err, &fs) {
		t.Fatalf("%v", err)
	}
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Field] = true
	}
	for _, want := range []string{"id", "tradeId", "terms.amount", "terms.expiryDate", "terms.applicant.name", "terms.beneficiary.name", "terms.applicant.id", "terms.beneficiary.id"} {
		if !got[want] {
			t.Errorf("%s not named in %v", want, err)
		}
	}
}

// TestPresentedDocumentsNameTheirSHA256: a presented document may name its registered content's
// SHA-256; a malformed one is the field at fault, before any examination.
func TestPresentedDocumentsNameTheirSHA256(t *testing.T) {
	lc := issuedCredit(t)
	p := Presentation{Date: NewDate(2026, 11, 20), Documents: []Document{{Kind: CommercialInvoice, SHA256: "ABC"}}}
	var fs InvalidFields
	if _, err := present(lc, "P-1", p, presentedAt, policy); !errors.As(err, &fs) || fs[0].Field != "presentation.documents[0].sha256" || len(lc.Changes()) != 2 {
		t.Fatalf("bad hash: %v, %d events", err, len(lc.Changes()))
	}
	p.Documents[0].SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	if _, err := present(lc, "P-1", p, presentedAt, policy); err != nil || len(lc.Presentations) != 1 {
		t.Fatalf("good hash: %v", err)
	}
}

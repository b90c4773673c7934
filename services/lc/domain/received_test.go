package domain

import (
	"errors"
	"testing"

	"github.com/tradefin/tradefin/events/money"
)

func receivedTerms() Terms {
	t := credit()
	t.Number, t.IssuingBank, t.AdvisingBank = "ILC/2026 42", "ESSESESS", "BCOMPTPL"
	return t
}

func TestReceiveCreditRegistersItIssued(t *testing.T) {
	by := Stamp{Org: "BCOMPTPL", User: "ana"}
	lc, err := ReceiveCredit(receivedTerms(), NewDate(2026, 11, 2), by, cals)
	if err != nil {
		t.Fatal(err)
	}
	if lc.ID != "ESSESESS.ILC-2026-42" || lc.TradeID != lc.ID || lc.Status != StatusIssued || lc.IssueDate != NewDate(2026, 11, 2) || lc.PresentableUntil.IsZero() {
		t.Fatalf("received credit %+v", lc)
	}
	if e, ok := lc.Changes()[0].(CreditReceived); !ok || e.By != by {
		t.Fatalf("event %+v", lc.Changes())
	}
	// Replayed from its event, the credit is the same.
	again := &LetterOfCredit{}
	again.Apply(lc.Changes()[0])
	if again.ID != lc.ID || again.Status != StatusIssued || again.Terms.Number != lc.Terms.Number {
		t.Fatalf("replayed %+v", again)
	}
	if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 3)); err != nil {
		t.Fatalf("advice of a received credit: %v", err)
	}

	sameBank := receivedTerms()
	sameBank.IssuingBank = sameBank.AdvisingBank
	late := receivedTerms()
	noBeneficiary := receivedTerms()
	noBeneficiary.Beneficiary.ID = ""
	for name, c := range map[string]struct {
		t      Terms
		issued Date
		field  string
	}{
		"issuing bank is the receiver": {sameBank, NewDate(2026, 11, 2), "terms.issuingBank"},
		"no issue date":                {receivedTerms(), Date{}, "issueDate"},
		"no beneficiary organisation":  {noBeneficiary, NewDate(2026, 11, 2), "terms.beneficiary.id"},
	} {
		_, err := ReceiveCredit(c.t, c.issued, by, cals)
		var fs InvalidFields
		if !errors.As(err, &fs) || fs[0].Field != c.field {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := ReceiveCredit(late, late.ExpiryDate.AddDays(1), by, cals); KindOf(err) != KindRule {
		t.Errorf("issued after expiry: %v", err)
	}
}

func TestReceiveAmendmentIsTheAmendmentToAdvise(t *testing.T) {
	lc, err := ReceiveCredit(receivedTerms(), NewDate(2026, 11, 2), Stamp{Org: "BCOMPTPL"}, cals)
	if err != nil {
		t.Fatal(err)
	}
	inc := money.New(1_000_00, lc.Terms.Amount.Currency)
	a := Amendment{Number: 1, Date: NewDate(2026, 11, 20), Increase: &inc}
	if _, err := lc.ReceiveAmendment("OTHRGB2L", a); KindOf(err) != KindForbidden {
		t.Fatalf("an amendment from another bank: %v", err)
	}
	if _, err := lc.ReceiveAmendment("ESSESESS", Amendment{Number: 2, Date: a.Date, Increase: &inc}); KindOf(err) != KindRule {
		t.Fatalf("amendment 2 before 1: %v", err)
	}
	got, err := lc.ReceiveAmendment("ESSESESS", a)
	if err != nil || got.Number != 1 || got.Status != StateProposed || len(lc.Changes()) != 2 {
		t.Fatalf("received amendment %+v %v", got, err)
	}
	if _, err := lc.ReceiveAmendment("ESSESESS", a); err != nil || len(lc.Changes()) != 2 {
		t.Fatalf("the same MT707 again: %v, %d events", err, len(lc.Changes()))
	}
	other := a
	other.Increase = nil
	other.NewExpiry = lc.Terms.ExpiryDate.AddDays(10)
	if _, err := lc.ReceiveAmendment("ESSESESS", other); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("amendment 1 again with other changes: %v", err)
	}
}

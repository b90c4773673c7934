package domain

import (
	"errors"
	"testing"

	"github.com/tradefin/tradefin/events/money"
)

func issuedCredit(t *testing.T) *LetterOfCredit {
	t.Helper()
	lc, err := Apply("LC-A", "T-A", Terms{Applicant: Party{ID: importerLEI, Name: "Nordic Imports AB"}, Beneficiary: Party{ID: exporterLEI, Name: "Azulejos Lisboa Lda"},
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(100, money.MustCurrency("EUR")), ExpiryDate: NewDate(2026, 12, 31), ExpiryPlace: "Lisbon"}, cals)
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(NewDate(2026, 11, 2), Stamp{}, FourEyes{}); err != nil {
		t.Fatal(err)
	}
	return lc
}

func TestAdviceThenAcceptance(t *testing.T) {
	lc := issuedCredit(t)
	if err := lc.Accept(NewDate(2026, 11, 3)); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("accepted before advice: %v", err)
	}
	if err := lc.Advise("DEUTDEFF", NewDate(2026, 11, 3)); err == nil {
		t.Fatal("a bank other than the credit's advising bank advised it")
	}
	if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 1)); err == nil {
		t.Fatal("advised before issuance")
	}
	if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 3)); err != nil || lc.Status != StatusAdvised {
		t.Fatalf("advise: %v, status %s", err, lc.Status)
	}
	if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 3)); err != nil || len(lc.Changes()) != 3 {
		t.Fatalf("a retried advice: %v, %d events", err, len(lc.Changes()))
	}
	if err := lc.Advise("BCOMPTPL", NewDate(2026, 11, 5)); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("advised twice: %v", err)
	}
	if err := lc.Accept(NewDate(2026, 11, 4)); err != nil || lc.Status != StatusAccepted || !lc.available() {
		t.Fatalf("accept: %v, status %s", err, lc.Status)
	}
	// Rebuilt from its events, the credit is the same.
	again := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		again.Apply(e)
	}
	if again.Status != StatusAccepted || again.AdvisedOn != NewDate(2026, 11, 3) || again.AcceptedOn != NewDate(2026, 11, 4) {
		t.Fatalf("replayed: %+v", again)
	}
}

func TestSettlementAccountIsAValidIBAN(t *testing.T) {
	for _, c := range []struct {
		iban, currency string
		ok             bool
	}{
		{"", "", true},
		{"PT50000201231234567890154", "USD", true},
		{"GB82 WEST 1234 5698 7654 32", "", true},
		{"GB82WEST12345698765433", "", false}, // a check digit off
		{"PT50000201231234567890154", "XYZ", false},
		{"", "USD", false},
		{"12345", "", false},
	} {
		if err := validSettlementAccount(c.iban, c.currency); (err == nil) != c.ok {
			t.Errorf("%q %q: %v", c.iban, c.currency, err)
		}
	}
}

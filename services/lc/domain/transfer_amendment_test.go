package domain

import (
	"errors"
	"testing"

	"github.com/tradefin/tradefin/events/money"
)

// UCP 600 Art. 38(e)-(f): the request for transfer must say whether amendments go to the second
// beneficiary. When they do, an amendment of the original credit issued after the transfer is
// advised by the transferring bank to the second beneficiary, who accepts or rejects it on its
// own: its acceptance amends the transferred credit even though the first beneficiary rejected
// it for the original, its rejection leaves the transferred credit unamended though the first
// beneficiary accepted; nobody else answers for it; when they do not go, none is advised.
func TestTransferredCreditAmendmentsArt38ef(t *testing.T) {
	lc := transferredPresented(t) // the request said amendments go to the second beneficiary
	if err := lc.RequestTransfer(Transfer{}, Stamp{}); err == nil {
		t.Fatal("a second transfer request")
	}
	fresh, _ := Apply("LC-T2", "T-T2", lc.Terms, cals)
	_ = fresh.Issue(NewDate(2026, 11, 2), Stamp{}, FourEyes{})
	_ = fresh.Advise("BCOMPTPL", NewDate(2026, 11, 3))
	var fs InvalidFields
	if err := fresh.RequestTransfer(Transfer{SecondBeneficiary: Party{ID: "5493004CERAMNORTE081", Name: "Ceramicas do Norte SA"}, Amount: money.New(70_000_00, eur)}, Stamp{}); !errors.As(err, &fs) || fs[0].Field != "amendmentsToSecondBeneficiary" {
		t.Fatalf("a request that does not say whether amendments go to the second beneficiary: %v", err)
	}

	// Amendment 1 moves the latest shipment to 15 December; amendment 2 the port of loading.
	amend := func(a Amendment) int {
		t.Helper()
		a.Date = NewDate(2026, 11, 25)
		got, err := lc.Amend(a)
		if err == nil {
			err = lc.AdviseAmendment(got.Number, "BCOMPTPL", NewDate(2026, 11, 25)) // to the first beneficiary (Art. 9(d))
		}
		if err != nil {
			t.Fatal(err)
		}
		return got.Number
	}
	one := amend(Amendment{NewLatestShipment: NewDate(2026, 12, 15)})
	if err := lc.AnswerAmendment(one, false, cals); err != nil { // the first beneficiary rejects it for its credit
		t.Fatal(err)
	}
	two := amend(Amendment{TermChanges: TermChanges{NewPortOfLoading: "PTLEI"}})
	if err := lc.AnswerAmendment(two, true, cals); err != nil { // and accepts this one
		t.Fatal(err)
	}
	if err := lc.AnswerTransferredAmendment(one, true); KindOf(err) != KindNotFound {
		t.Fatalf("answered an amendment not advised to the second beneficiary: %v", err)
	}
	if err := lc.AdviseAmendmentToSecond(one, "DEUTDEFF", NewDate(2026, 11, 26)); !errors.Is(err, ErrNotAdvisingBank) {
		t.Fatalf("a bank other than the transferring bank advised: %v", err)
	}
	if err := lc.AdviseAmendmentToSecond(9, "BCOMPTPL", NewDate(2026, 11, 26)); KindOf(err) != KindNotFound {
		t.Fatalf("advised an amendment that does not exist: %v", err)
	}
	for _, n := range []int{one, two} {
		if err := lc.AdviseAmendmentToSecond(n, "BCOMPTPL", NewDate(2026, 11, 26)); err != nil {
			t.Fatal(err)
		}
	}
	n := len(lc.Changes())
	if err := lc.AdviseAmendmentToSecond(one, "BCOMPTPL", NewDate(2026, 11, 27)); err != nil || len(lc.Changes()) != n {
		t.Fatalf("a repeated advice: %v, %d events (had %d)", err, len(lc.Changes()), n)
	}
	if err := lc.AnswerTransferredAmendment(one, true); err != nil { // the second accepts what the first rejected
		t.Fatal(err)
	}
	if err := lc.AnswerTransferredAmendment(two, false); err != nil { // and rejects what the first accepted
		t.Fatal(err)
	}
	if err := lc.AnswerTransferredAmendment(two, true); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("changed its answer: %v", err)
	}
	check := func(lc *LetterOfCredit, how string) {
		t.Helper()
		tt := lc.TransferredTerms()
		if tt.LatestShipment != NewDate(2026, 12, 15) || tt.PortOfLoading == "PTLEI" || tt.Amount != money.New(70_000_00, eur) || tt.Beneficiary.ID != "5493004CERAMNORTE081" {
			t.Errorf("%s: the transferred credit: latest shipment %s, port %q, amount %s, beneficiary %s", how, tt.LatestShipment, tt.PortOfLoading, tt.Amount, tt.Beneficiary.ID)
		}
		if lc.Terms.LatestShipment == NewDate(2026, 12, 15) || lc.Terms.PortOfLoading != "PTLEI" {
			t.Errorf("%s: the original credit: latest shipment %s, port %q (the first beneficiary's answers)", how, lc.Terms.LatestShipment, lc.Terms.PortOfLoading)
		}
	}
	check(lc, "as answered")
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	check(replayed, "replayed")

	kept := transferredPresented(t)
	kept.Transfer.AmendmentsToSecondBeneficiary = new(bool) // the request kept amendments from the second beneficiary
	a, err := kept.Amend(Amendment{Date: NewDate(2026, 11, 25), NewLatestShipment: NewDate(2026, 12, 15)})
	if err != nil {
		t.Fatal(err)
	}
	if err := kept.AdviseAmendmentToSecond(a.Number, "BCOMPTPL", NewDate(2026, 11, 26)); !errors.Is(err, ErrAmendmentsKeptFromSecond) {
		t.Fatalf("advised to a second beneficiary the request kept amendments from: %v", err)
	}
}

package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// transferredPresented is a transferable credit for 84,000.00 EUR transferred for 70,000.00 by
// its advising bank BCOMPTPL to a second beneficiary, whose presentation P-1 (its own invoice for
// 70,000.00) was received on Monday 23 November 2026 and awaits the first beneficiary's invoice.
func transferredPresented(t *testing.T) *LetterOfCredit {
	t.Helper()
	lc, err := Apply("LC-T", "T-T", Terms{Number: "ESS-T", Form: FormIrrevocableTransferable,
		Applicant: Party{ID: importerLEI, Name: "Nordic Imports AB"}, Beneficiary: Party{ID: exporterLEI, Name: "Azulejos Lisboa Lda"},
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(84_000_00, eur), ExpiryDate: NewDate(2026, 12, 31), ExpiryPlace: "Lisbon",
		Documents: []DocumentKind{CommercialInvoice, BillOfLading}}, cals)
	if err != nil {
		t.Fatal(err)
	}
	for i, step := range []func() error{
		func() error { return lc.Issue(NewDate(2026, 11, 2), Stamp{}, FourEyes{}) },
		func() error { return lc.Advise("BCOMPTPL", NewDate(2026, 11, 3)) },
		func() error {
			return lc.RequestTransfer(Transfer{SecondBeneficiary: Party{ID: "5493004CERAMNORTE081", Name: "Ceramicas do Norte SA"}, Amount: money.New(70_000_00, eur), AmendmentsToSecondBeneficiary: &yes}, Stamp{})
		},
		func() error { return lc.TransferCredit("BCOMPTPL", NewDate(2026, 11, 4)) },
	} {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	on := NewDate(2026, 11, 20)
	if _, err := lc.PresentTransferred("P-1", Presentation{Documents: []Document{
		{Kind: CommercialInvoice, IssueDate: on, Issuer: "Ceramicas do Norte SA", MadeOutTo: "Nordic Imports AB", Amount: eurAmount(70_000_00)},
		{Kind: BillOfLading, IssueDate: on, OnBoardNotation: true, OnBoardDate: on}}}, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), policy); err != nil {
		t.Fatal(err)
	}
	return lc
}

// UCP 600 Art. 38(i): the transferring bank presents the second beneficiary's documents as
// received only after its first demand on the first beneficiary, who then had the demand's day
// to substitute; the documents reach the issuing bank with the second beneficiary's invoice, the
// honour pays the second beneficiary its invoice and the first beneficiary nothing; the first
// beneficiary cannot substitute afterwards; nobody but the transferring bank acts; both steps
// are retried harmlessly and replay.
func TestTransferringBankPresentsAsReceivedArt38i(t *testing.T) {
	lc := transferredPresented(t)
	demandDay := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) // Tuesday in Lisbon
	nextDay := demandDay.Add(24 * time.Hour)
	if _, err := lc.PresentAsReceived("P-1", "BCOMPTPL", nextDay, policy, nil); !errors.Is(err, ErrNoSubstitutionDemand) {
		t.Fatalf("presented as received without a demand: %v", err)
	}
	if err := lc.DemandSubstitution("P-1", "DEUTDEFF", NewDate(2026, 11, 24)); !errors.Is(err, ErrNotAdvisingBank) {
		t.Fatalf("a bank other than the transferring bank demanded: %v", err)
	}
	if err := lc.DemandSubstitution("P-2", "BCOMPTPL", NewDate(2026, 11, 24)); KindOf(err) != KindNotFound {
		t.Fatalf("a demand for no presentation: %v", err)
	}
	if err := lc.DemandSubstitution("P-1", "BCOMPTPL", Date{}); KindOf(err) != KindInvalid {
		t.Fatalf("a demand without a date: %v", err)
	}
	if err := lc.DemandSubstitution("P-1", "BCOMPTPL", NewDate(2026, 11, 24)); err != nil {
		t.Fatal(err)
	}
	n := len(lc.Changes())
	if err := lc.DemandSubstitution("P-1", "BCOMPTPL", NewDate(2026, 11, 25)); err != nil || len(lc.Changes()) != n {
		t.Fatalf("a second demand: %v, %d events (had %d); the first demand stands", err, len(lc.Changes()), n)
	}
	if _, err := lc.PresentAsReceived("P-1", "BCOMPTPL", demandDay.Add(time.Hour), policy, nil); KindOf(err) != KindRule {
		t.Fatalf("presented as received on the demand's own day: %v", err)
	}
	if _, err := lc.PresentAsReceived("P-1", "DEUTDEFF", nextDay, policy, nil); !errors.Is(err, ErrNotAdvisingBank) {
		t.Fatalf("another bank presented as received: %v", err)
	}
	res, err := lc.PresentAsReceived("P-1", "BCOMPTPL", nextDay, policy, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(lc.Presentations) != 1 || lc.Presentations[0].ID != "P-1" || lc.DrawingAmount("P-1") != money.New(70_000_00, eur) {
		t.Fatalf("the issuing bank's presentation: %+v (%+v)", lc.Presentations, res)
	}
	if inv, _ := lc.Presentations[0].Presentation.document(CommercialInvoice); inv.Issuer != "Ceramicas do Norte SA" {
		t.Fatalf("not the second beneficiary's invoice as received: %+v", inv)
	}
	if _, err := lc.Substitute("P-1", Document{Kind: CommercialInvoice, Amount: eurAmount(84_000_00)}, nextDay, policy, nil); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("the first beneficiary substituted after the presentation as received: %v", err)
	}
	n = len(lc.Changes())
	if _, err := lc.PresentAsReceived("P-1", "BCOMPTPL", nextDay, policy, nil); err != nil || len(lc.Changes()) != n {
		t.Fatalf("a retried presentation as received: %v, %d events (had %d)", err, len(lc.Changes()), n)
	}
	if err := lc.DecideExamination("P-1", ExaminationDecision{Honour: true}, nextDay, policy); err != nil {
		t.Fatal(err)
	}
	payees := lc.Payees("P-1", lc.DrawingAmount("P-1"))
	if len(payees) != 1 || payees[0].Org != "5493004CERAMNORTE081" || payees[0].Amount != money.New(70_000_00, eur) {
		t.Fatalf("payees %+v: the second beneficiary its invoice, the first beneficiary nothing (Art. 38(i))", payees)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if x := replayed.Transfer.Presentations[0]; x.DemandedOn != NewDate(2026, 11, 24) || !x.AsReceived || x.Substituted {
		t.Fatalf("replayed: %+v", x)
	}
}

var yes = true

package domain

import (
	"errors"
	"testing"
	"time"
)

// TestNominatedBankForwardsUnderReserve: a discrepant presentation made to the nominated bank is
// forwarded under reserve with its discrepancies (UCP 600 Art. 12(a), 16); the issuing bank may
// not, nor may a complying or decided presentation be, and a retry records nothing twice. The
// issuing bank still decides.
func TestNominatedBankForwardsUnderReserve(t *testing.T) {
	pol := stockholmBank(t)
	at := time.Date(2026, time.December, 2, 10, 0, 0, 0, time.UTC)
	lc := issued(t)
	p := complying()
	p.Bank = "BCOMPTPL"
	if _, err := lc.Present("P-1", p, at, pol, nil); err != nil {
		t.Fatal(err)
	}
	if err := lc.ForwardUnderReserve("P-1", "BCOMPTPL", nil, at, pol); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("a complying presentation forwarded under reserve: %v", err)
	}
	found := []Discrepancy{{Rule: "UCP 600 Art. 18(a)(i)", Message: "invoice not issued by the beneficiary"}}
	if err := lc.ForwardUnderReserve("P-1", "ESSESESS", found, at, pol); KindOf(err) != KindForbidden {
		t.Fatalf("the issuing bank forwarded to itself: %v", err)
	}
	if err := lc.ForwardUnderReserve("P-1", "BCOMPTPL", found, at, pol); err != nil {
		t.Fatal(err)
	}
	if err := lc.ForwardUnderReserve("P-1", "BCOMPTPL", found, at, pol); err != nil {
		t.Fatalf("a retry: %v", err)
	}
	events := lc.Changes()
	rebuilt := &LetterOfCredit{}
	for _, e := range events {
		rebuilt.Apply(e)
	}
	r := rebuilt.Presentations[0].Reserve
	if r == nil || r.By != "BCOMPTPL" || r.On != NewDate(2026, time.December, 2) || len(r.Discrepancies) != 1 {
		t.Fatalf("rebuilt reserve %+v", r)
	}
	if !rebuilt.Presentations[0].Queued() {
		t.Fatal("forwarding under reserve decided the presentation; the issuing bank decides")
	}
	if err := lc.DecideExamination("P-1", ExaminationDecision{Honour: false, Disposal: ReturnDocuments, Findings: found}, at, pol); err != nil {
		t.Fatal(err)
	}
	if err := lc.ForwardUnderReserve("P-1", "OTHERBIC", found, at, pol); KindOf(err) != KindForbidden {
		t.Fatalf("another bank forwarded: %v", err)
	}
}

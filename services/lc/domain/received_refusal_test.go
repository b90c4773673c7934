package domain

import (
	"errors"
	"testing"
	"time"
)

// TestReceivedRefusal: the issuing bank's MT734 refuses a presentation made to the nominated
// bank (UCP 600 Art. 16(c)): only from the issuing bank, only to the bank presented to, only
// before the deadline (Art. 16(f)); the same notice again records nothing, another one is a
// conflict.
func TestReceivedRefusal(t *testing.T) {
	pol := stockholmBank(t)
	at := time.Date(2026, time.December, 2, 10, 0, 0, 0, time.UTC)
	lc := issued(t)
	p := complying()
	p.Bank = "BCOMPTPL"
	if _, err := lc.Present("P-1", p, at, pol, nil); err != nil {
		t.Fatal(err)
	}
	found := []Discrepancy{{Rule: "UCP 600 ART. 18(A)(I)", Message: "INVOICE NOT ISSUED BY THE BENEFICIARY"}}
	r := ReceivedRefusal{From: "ESSESESS", To: "BCOMPTPL", Presentation: "P-1", Discrepancies: found, Disposal: ReturnDocuments}
	if !lc.RefersTo(r) || lc.RefersTo(ReceivedRefusal{From: "COBADEFF", To: "BCOMPTPL", Presentation: "P-1"}) || lc.RefersTo(ReceivedRefusal{From: "ESSESESS", To: "BCOMPTPL", Presentation: "P-2"}) {
		t.Fatal("RefersTo")
	}
	for what, bad := range map[string]ReceivedRefusal{
		"from another bank":       {From: "COBADEFF", To: "BCOMPTPL", Presentation: "P-1", Discrepancies: found, Disposal: ReturnDocuments},
		"to the issuing bank":     {From: "ESSESESS", To: "ESSESESS", Presentation: "P-1", Discrepancies: found, Disposal: ReturnDocuments},
		"to a bank not presented": {From: "ESSESESS", To: "COBADEFF", Presentation: "P-1", Discrepancies: found, Disposal: ReturnDocuments},
	} {
		if err := lc.ReceiveRefusal(bad, at, pol); KindOf(err) != KindForbidden {
			t.Errorf("a refusal %s: %v", what, err)
		}
	}
	if err := lc.ReceiveRefusal(ReceivedRefusal{From: "ESSESESS", To: "BCOMPTPL", Presentation: "P-9", Discrepancies: found, Disposal: ReturnDocuments}, at, pol); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown presentation: %v", err)
	}
	if err := lc.ReceiveRefusal(ReceivedRefusal{From: "ESSESESS", To: "BCOMPTPL", Presentation: "P-1", Discrepancies: found, Disposal: "KEEP"}, at, pol); KindOf(err) != KindRule {
		t.Errorf("a disposal not of Art. 16(c)(iii): %v", err)
	}
	late := lc.Presentations[0].DeadlineAt
	if err := lc.ReceiveRefusal(r, late, pol); !errors.Is(err, ErrRefusalTooLate) {
		t.Errorf("a refusal received at the deadline: %v", err)
	}
	for range 2 {
		if err := lc.ReceiveRefusal(r, at.Add(time.Hour), pol); err != nil {
			t.Fatal(err)
		}
	}
	if n := countEvents(lc, "lc.PresentationRefused"); n != 1 || lc.Status != StatusRefused || lc.Presentations[0].Refusal.Disposal != ReturnDocuments {
		t.Fatalf("%d refusals, %s %+v", n, lc.Status, lc.Presentations[0].Refusal)
	}
	r.Disposal = HoldPendingInstructions
	if err := lc.ReceiveRefusal(r, at.Add(time.Hour), pol); !errors.Is(err, ErrInvalidState) {
		t.Errorf("another refusal of the refused presentation: %v", err)
	}
}

package domain

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/money"
)

func TestTermsDiffer(t *testing.T) {
	o := obligation()
	if d := o.TermsDiffer(obligation()); len(d) != 0 {
		t.Fatalf("same terms differ in %v", d)
	}
	same := obligation()
	same.AdvisingBank = "CHASUS33" // the 8-character BIC of CHASUS33XXX
	if d := o.TermsDiffer(same); len(d) != 0 {
		t.Fatalf("BIC8 and its XXX form differ: %v", d)
	}
	eurOnly, eurExplicit := obligation(), obligation()
	eurOnly.AccountCurrency, eurExplicit.AccountCurrency = money.Currency{}, eur
	if d := eurOnly.TermsDiffer(eurExplicit); len(d) != 0 {
		t.Fatalf("default account currency differs from the explicit one: %v", d)
	}
	attack := obligation()
	attack.Amount = money.New(999_999_99, eur)
	attack.AdvisingBank = "OTHRGB2L"
	attack.BeneficiaryAccount = "GB00ATTACKER"
	if d := o.TermsDiffer(attack); !slices.Equal(d, []string{"amount", "advisingBank", "beneficiaryAccount"}) {
		t.Fatalf("differences %v", d)
	}
	if err := TermsConflict(PaymentID(o), o.TermsDiffer(attack)); KindOf(err) != KindConflict {
		t.Fatalf("terms conflict kind: %v", err)
	}
}

// TestDisputedPaymentIsNotReleased: a contradicting honour blocks release and approval (fail
// closed), is recorded once per event, and bounded.
func TestDisputedPaymentIsNotReleased(t *testing.T) {
	p, _ := RaisePayment(obligation(), honourer, t0)
	if err := p.Dispute("evt-same", obligation(), honourer, t0); err != nil || p.Disputed() {
		t.Fatalf("the same terms disputed: %v", err)
	}
	attack := obligation()
	attack.Amount = money.New(1, eur)
	for range 2 {
		if err := p.Dispute("evt-2", attack, honourer, t0); err != nil {
			t.Fatal(err)
		}
	}
	if !p.Disputed() || len(p.Uncommitted()) != 2 {
		t.Fatalf("disputes %v, %d events", p.Disputes, len(p.Uncommitted()))
	}
	if d, ok := p.Uncommitted()[1].(PaymentDisputed); !ok || !slices.Equal(d.Fields, []string{"amount"}) || d.Contested.Amount != attack.Amount {
		t.Fatalf("dispute event %+v", p.Uncommitted()[1])
	}
	if err := p.Instruct(instruction(t), per, lax, t0); KindOf(err) != KindConflict || p.Status != StatusRaised {
		t.Fatalf("disputed payment instructed: %v", err)
	}
	if err := p.RequestRelease(per, t0); KindOf(err) != KindConflict {
		t.Fatalf("disputed payment released: %v", err)
	}
	for i := range 40 {
		_ = p.Dispute(fmt.Sprintf("evt-flood-%d", i), attack, honourer, t0)
	}
	if len(p.Disputes) != maxDisputes || Rebuild(p.Uncommitted()).Disputes[0] != "evt-2" {
		t.Fatalf("disputes unbounded: %d", len(p.Disputes))
	}
}

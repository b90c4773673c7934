package domain

import (
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

func TestFourEyesThreshold(t *testing.T) {
	def := FourEyes{}
	for _, c := range []struct {
		f     FourEyes
		amt   money.Money
		needs bool
	}{
		{def, money.New(100_000_000, eur), false}, // EUR 1,000,000.00: at the threshold, not above
		{def, money.New(100_000_001, eur), true},
		{def, money.New(1_000_000, jpy), false}, // JPY has no minor unit: 1,000,000 yen
		{def, money.New(1_000_001, jpy), true},
		{FourEyes{PerCurrency: map[string]int64{"EUR": 5000}}, money.New(5001, eur), true},
		{FourEyes{PerCurrency: map[string]int64{"EUR": 5000}}, money.New(5001, usd), false}, // USD keeps the default
	} {
		if got := c.f.Exceeds(c.amt); got != c.needs {
			t.Errorf("%+v needs approval for %s: %v, want %v", c.f, c.amt, got, c.needs)
		}
	}
	f, err := ParseFourEyes(" EUR:100000000, USD:250 ")
	if err != nil || f.Threshold(eur) != 100_000_000 || f.Threshold(usd) != 250 || f.Threshold(jpy) != 1_000_000 {
		t.Fatalf("parsed %+v: %v", f, err)
	}
	if f, err := ParseFourEyes(""); err != nil || f.Threshold(usd) != 100_000_000 {
		t.Fatalf("empty: %+v %v", f, err)
	}
	for _, bad := range []string{"EUR", "EUR:-1", "EUR:1.5", "XXZ:100", "EUR:1,", ":5"} {
		if _, err := ParseFourEyes(bad); KindOf(err) != KindInvalid {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
}

func TestFourEyesRelease(t *testing.T) {
	strict := FourEyes{PerCurrency: map[string]int64{"EUR": 1_000_00}} // above EUR 1,000.00
	p, _ := RaisePayment(obligation(), honourer, t0)                   // EUR 100,000.00
	if err := p.Instruct(instruction(t), per, strict, t0); KindOf(err) != KindConflict || p.Status != StatusRaised {
		t.Fatalf("instructed above the threshold on one pair of eyes: %v %s", err, p.Status)
	}
	if err := p.Approve(per, instruction(t), t0); KindOf(err) != KindConflict {
		t.Fatalf("approved before any release was requested: %v", err)
	}
	if err := p.RequestRelease(per, t0); err != nil || p.Status != StatusAwaitingApproval || *p.Maker != per {
		t.Fatalf("request release: %v %s", err, p.Status)
	}
	if err := p.RequestRelease(per, t0); err != nil || len(p.Uncommitted()) != 2 {
		t.Fatalf("second request recorded again: %v, %d events", err, len(p.Uncommitted()))
	}
	if err := p.ApplyReport(report(p, "ACSC"), nils, t0); KindOf(err) != KindInvalid {
		t.Fatalf("settled while awaiting approval: %v", err)
	}
	sara := identity.Stamp{Org: "BNPAFRPP", User: "sara", Client: "bank-desk"}
	if err := p.Approve(sara, instruction(t), t0); err != nil || p.Status != StatusInstructed {
		t.Fatalf("approve: %v %s", err, p.Status)
	}
	r := Rebuild(p.Uncommitted())
	if r.Status != StatusInstructed || *r.Maker != per || *r.Checker != sara || r.Current().InstructedBy != sara || r.Version() != 4 {
		t.Fatalf("rebuilt: %+v", r)
	}
	if err := p.RequestRelease(per, t0); KindOf(err) != KindConflict {
		t.Fatalf("release of an instructed payment: %v", err)
	}
}

package domain

import (
	"math/big"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

var (
	eur = money.MustCurrency("EUR")
	usd = money.MustCurrency("USD")
	jpy = money.MustCurrency("JPY")
	t0  = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

	honourer = identity.Stamp{Org: "BNPAFRPP", User: "erik", Client: "bank-desk"}
	per      = identity.Stamp{Org: "BNPAFRPP", User: "per", Client: "bank-desk"}
	nils     = identity.Stamp{Org: "NCLRSESS", User: "nils", Client: "nclr-gateway"}
	lax      = FourEyes{} // EUR 100,000.00 is below the default threshold
)

func TestRoundHalfEven(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		want     int64
	}{{5, 2, 2}, {7, 2, 4}, {-5, 2, -2}, {-7, 2, -4}, {11, 4, 3}, {9, 4, 2}, {1, 3, 0}, {-11, 4, -3}, {10, 1, 10}} {
		if got := RoundHalfEven(big.NewRat(c.num, c.den)).Int64(); got != c.want {
			t.Errorf("%d/%d: got %d want %d", c.num, c.den, got, c.want)
		}
	}
}

func TestRateConvert(t *testing.T) {
	for _, c := range []struct {
		from, to money.Currency
		rate     string
		minor    int64
		want     int64
	}{
		{eur, usd, "1.0842", 10000000, 10842000}, // EUR 100,000.00 → USD 108,420.00
		{eur, usd, "1.08425", 1, 1},              // EUR 0.01 → 1.08425 US cents → 1
		{eur, usd, "1.5", 1, 2},                  // 1.5 → 2 (tie, to even)
		{eur, usd, "2.5", 1, 2},                  // 2.5 → 2 (tie, to even)
		{eur, jpy, "162.345", 100050, 162426},    // EUR 1,000.50 → JPY 162,426.17… → 162,426
		{jpy, eur, "0.0061597", 1000000, 615970}, // JPY 1,000,000 → EUR 6,159.70 (exponent 0 → 2)
	} {
		r, err := ParseRate(c.from, c.to, c.rate, "fixed-table", t0)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Convert(money.New(c.minor, c.from))
		if err != nil {
			t.Fatal(err)
		}
		if got != money.New(c.want, c.to) {
			t.Errorf("%s %d @%s: got %s want %d", c.from, c.minor, c.rate, got, c.want)
		}
	}
	for _, bad := range []string{"", "0", "-1.2", "1e3", "abc", "1/3"} {
		if _, err := ParseRate(eur, usd, bad, "x", t0); KindOf(err) != KindInvalid {
			t.Errorf("rate %q accepted", bad)
		}
	}
	if _, err := ParseRate(eur, usd, "1.1", "", t0); err == nil {
		t.Error("rate without source accepted")
	}
}

func TestPostingSetMustBalance(t *testing.T) {
	_, err := NewPostingSet("p", Entry{"a", Debit, money.New(100, eur)}, Entry{"b", Credit, money.New(99, eur)})
	if KindOf(err) != KindInvalid {
		t.Fatalf("unbalanced set accepted: %v", err)
	}
	// balanced in total minor units but across currencies: still refused
	_, err = NewPostingSet("p", Entry{"a", Debit, money.New(100, eur)}, Entry{"b", Credit, money.New(100, usd)})
	if err == nil {
		t.Fatal("cross-currency set accepted")
	}
	ps, err := PaymentPostings("p", ApplicantAccount("LC1", eur), "DEUTDEFF", money.New(10000, eur), money.New(10842, usd))
	if err != nil {
		t.Fatal(err)
	}
	l := Ledger{}
	l.Post(ps)
	if l[PositionAccount(eur)].Minor != -10000 || l[PositionAccount(usd)].Minor != 10842 || l[VostroAccount("DEUTDEFF", usd)].Minor != -10842 {
		t.Fatalf("ledger %v", l)
	}
	l.Post(ps.Reversal("r"))
	for acct, b := range l {
		if b.Minor != 0 {
			t.Errorf("%s not zero after reversal: %s", acct, b)
		}
	}
}

func obligation() Obligation {
	return Obligation{TradeID: "T1", LCID: "LC1", PresentationID: "P1", Amount: money.New(10000000, eur),
		IssuingBank: "BNPAFRPP", AdvisingBank: "CHASUS33XXX", Beneficiary: "ACME", AccountCurrency: usd}
}

func instruction(t *testing.T) Instruction {
	r, err := ParseRate(eur, usd, "1.0842", "fixed-table", t0)
	if err != nil {
		t.Fatal(err)
	}
	return Instruction{MsgID: "M1", EndToEndID: "E1", UETR: "8a562c67-ca16-48ba-b074-65581be6f001", SettlementDate: t0, Rate: &r}
}

// report is the settlement bank's pacs.002 on the payment's current attempt.
func report(p *Payment, code string, reasons ...string) StatusReport {
	a := p.Current()
	if a == nil {
		return StatusReport{MsgID: "S", OrgnlMsgID: "none", Transactions: []TransactionStatus{{Status: code, Reasons: reasons}}}
	}
	return StatusReport{MsgID: "S", OrgnlMsgID: a.MsgID, Transactions: []TransactionStatus{{OrgnlUETR: a.UETR, Status: code, Reasons: reasons}}}
}

func TestPaymentLifecycle(t *testing.T) {
	p, err := RaisePayment(obligation(), honourer, t0)
	if err != nil {
		t.Fatal(err)
	}
	if p.ID() != "T1:LC1:P1" || p.Status != StatusRaised || p.Current() != nil {
		t.Fatalf("raised: %+v", p)
	}
	if err := p.ApplyReport(report(p, "ACSC"), nils, t0); KindOf(err) != KindInvalid {
		t.Fatalf("settled before instruction: %v", err)
	}
	in := instruction(t)
	in.Rate = nil
	if err := p.Instruct(in, per, lax, t0); KindOf(err) != KindInvalid {
		t.Fatalf("FX payment instructed without a rate: %v", err)
	}
	if err := p.Instruct(instruction(t), per, lax, t0); err != nil {
		t.Fatal(err)
	}
	a := p.Current()
	if a.Number != 1 || a.Credited != money.New(10842000, usd) || a.Rate.Rate != "1.0842" || a.Rate.Rounding != "half-even" {
		t.Fatalf("attempt %+v", a)
	}
	if err := p.Instruct(instruction(t), per, lax, t0); KindOf(err) != KindConflict {
		t.Fatal("instructed twice")
	}
	if err := p.ApplyReport(report(p, "ACSC"), nils, t0); err != nil || p.Status != StatusSettled {
		t.Fatalf("settle: %v %s", err, p.Status)
	}
	if err := p.ApplyReport(report(p, "ACSC"), nils, t0); err != nil {
		t.Fatalf("redelivered ACSC: %v", err)
	}
	if err := p.ApplyReport(report(p, "RJCT", "AC04"), nils, t0); KindOf(err) != KindConflict || p.Status != StatusSettled {
		t.Fatal("settlement is final but a rejection changed it")
	}
	r := Rebuild(p.Uncommitted())
	if r.Status != StatusSettled || r.Version() != 3 || r.Current().Credited != a.Credited || r.Current().UETR != a.UETR || r.Current().StatusCode != "ACSC" {
		t.Fatalf("rebuild: %+v", r)
	}
	if r.RaisedBy != honourer || r.Current().InstructedBy != per || r.Maker != nil || r.Checker != nil {
		t.Fatalf("actors: raised by %+v, instructed by %+v, maker %v, checker %v", r.RaisedBy, r.Current().InstructedBy, r.Maker, r.Checker)
	}
	if s, ok := p.Uncommitted()[2].(PaymentSettled); !ok || s.Actor != nils || s.UETR != a.UETR {
		t.Fatalf("settled event %+v does not record the settlement bank's officer and the attempt", p.Uncommitted()[2])
	}
}

func TestPaymentRejectedIsReversed(t *testing.T) {
	p, _ := RaisePayment(obligation(), honourer, t0)
	if err := p.Instruct(instruction(t), per, lax, t0); err != nil {
		t.Fatal(err)
	}
	if err := p.ApplyReport(report(p, "RJCT", "AC04"), nils, t0); err != nil {
		t.Fatal(err)
	}
	a := p.Current()
	if p.Status != StatusFailed || a.Reason != "AC04" || a.Reversal == nil || !p.AwaitsCorrection() {
		t.Fatalf("%+v", p)
	}
	l := Ledger{}
	l.Post(a.Postings)
	l.Post(*a.Reversal)
	for acct, b := range l {
		if b.Minor != 0 {
			t.Errorf("%s: %s", acct, b)
		}
	}
	if len(p.Uncommitted()) != 4 {
		t.Fatalf("events %d: the original posting must stay recorded", len(p.Uncommitted()))
	}
	if err := p.ApplyReport(report(p, "ACSC"), nils, t0); KindOf(err) != KindConflict {
		t.Fatal("reversed payment settled")
	}
	if err := p.ApplyReport(report(p, "RJCT", "AC04"), nils, t0); err != nil || len(p.Uncommitted()) != 4 {
		t.Fatalf("redelivered rejection: %v, %d events", err, len(p.Uncommitted()))
	}
}

func TestRaiseValidation(t *testing.T) {
	o := obligation()
	o.AdvisingBank = "not a bic"
	if _, err := RaisePayment(o, honourer, t0); KindOf(err) != KindInvalid {
		t.Fatal("bad BIC accepted")
	}
	o = obligation()
	o.Amount.Minor = 0
	if _, err := RaisePayment(o, honourer, t0); KindOf(err) != KindInvalid {
		t.Fatal("zero amount accepted")
	}
	if first, again := PaymentID(obligation()), PaymentID(obligation()); first != again {
		t.Fatal("payment id not deterministic")
	}
}

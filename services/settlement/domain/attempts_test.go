package domain

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// attemptIn is a fresh instruction for attempt n (MsgId and UETR of its own).
func attemptIn(t *testing.T, n int) Instruction {
	in := instruction(t)
	in.MsgID = fmt.Sprintf("M%d", n)
	in.UETR = fmt.Sprintf("8a562c67-ca16-48ba-b074-65581be6f%03d", n)
	return in
}

func instructed(t *testing.T) *Payment {
	t.Helper()
	p, err := RaisePayment(obligation(), honourer, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Instruct(attemptIn(t, 1), per, lax, t0); err != nil {
		t.Fatal(err)
	}
	return p
}

// balance posts every attempt's postings and reversals.
func balance(p *Payment) Ledger {
	l := Ledger{}
	for _, a := range p.Attempts {
		l.Post(a.Postings)
		if a.Reversal != nil {
			l.Post(*a.Reversal)
		}
	}
	return l
}

// TestReinstructAfterATransientRejection: a rejection whose reason may pass by itself (TM01, after
// the cut-off) is instructed again unchanged as a new attempt: new MsgId and UETR, the postings
// reversed and booked again, so the books hold exactly one payment.
func TestReinstructAfterATransientRejection(t *testing.T) {
	p := instructed(t)
	if err := p.Reinstruct(attemptIn(t, 2), identity.Workflow.Stamp(), t0); KindOf(err) != KindConflict {
		t.Fatalf("an instructed payment instructed again: %v", err)
	}
	if err := p.ApplyReport(report(p, "RJCT", "TM01"), nils, t0); err != nil {
		t.Fatal(err)
	}
	if p.Status != StatusFailed || p.AwaitsCorrection() {
		t.Fatalf("TM01: %s, awaits correction %v", p.Status, p.AwaitsCorrection())
	}
	if err := p.Reinstruct(attemptIn(t, 1), identity.Workflow.Stamp(), t0); KindOf(err) != KindInvalid {
		t.Fatalf("a new attempt under the first one's MsgId and UETR: %v", err)
	}
	if err := p.Reinstruct(attemptIn(t, 2), identity.Workflow.Stamp(), t0); err != nil {
		t.Fatal(err)
	}
	first, second := p.Attempts[0], p.Current()
	if p.Status != StatusInstructed || second.Number != 2 || second.UETR == first.UETR || second.Postings.ID() != "T1:LC1:P1:payment:2" ||
		first.Reversal.ID() != "T1:LC1:P1:reversal" || second.InstructedBy != identity.Workflow.Stamp() {
		t.Fatalf("attempts %+v", p.Attempts)
	}
	l, once := balance(p), Ledger{}
	once.Post(second.Postings)
	if fmt.Sprint(l) != fmt.Sprint(once) {
		t.Fatalf("books after a rejection and a new attempt %v, want one payment's %v", l, once)
	}
	if r := Rebuild(p.Uncommitted()); !reflect.DeepEqual(r.Attempts, p.Attempts) || r.Status != p.Status {
		t.Fatalf("rebuilt %+v", r.Attempts)
	}
}

// TestLateReportOnASupersededAttempt: once attempt 2 is out, a status report on attempt 1 comes
// late. Its rejection again (a redelivery) changes nothing; a settlement of it is refused; the
// current attempt is untouched, and settles on its own report.
func TestLateReportOnASupersededAttempt(t *testing.T) {
	p := instructed(t)
	old := report(p, "RJCT", "AM04")
	if err := p.ApplyReport(old, nils, t0); err != nil {
		t.Fatal(err)
	}
	if err := p.Reinstruct(attemptIn(t, 2), identity.Workflow.Stamp(), t0); err != nil {
		t.Fatal(err)
	}
	events := len(p.Uncommitted())
	if err := p.ApplyReport(old, nils, t0); err != nil {
		t.Fatalf("the old rejection redelivered: %v", err)
	}
	late := old
	late.Transactions = []TransactionStatus{{OrgnlUETR: p.Attempts[0].UETR, Status: "ACSC"}}
	err := p.ApplyReport(late, nils, t0)
	if KindOf(err) != KindConflict || !strings.Contains(err.Error(), "superseded by attempt 2") {
		t.Fatalf("a late ACSC for the rejected attempt: %v", err)
	}
	if len(p.Uncommitted()) != events || p.Status != StatusInstructed {
		t.Fatalf("a late report changed the payment: %s, %d events", p.Status, len(p.Uncommitted()))
	}
	wrongUETR := report(p, "ACSC")
	wrongUETR.Transactions[0].OrgnlUETR = p.Attempts[0].UETR
	if err := p.ApplyReport(wrongUETR, nils, t0); KindOf(err) != KindInvalid {
		t.Fatalf("attempt 2's message with attempt 1's UETR: %v", err)
	}
	if err := p.ApplyReport(report(p, "ACSC"), nils, t0); err != nil || p.Status != StatusSettled || p.Current().StatusCode != "ACSC" {
		t.Fatalf("attempt 2 settles: %v %s", err, p.Status)
	}
}

// TestRejectionAwaitingCorrection: AC01 (wrong account) does not pass by itself: instructing
// again answers "awaiting correction" and records nothing, until a payments officer corrects the
// creditor account; then the next attempt credits it. The honour's terms stay as they were, so
// the same honour delivered again still matches.
func TestRejectionAwaitingCorrection(t *testing.T) {
	p := instructed(t)
	if err := p.ApplyReport(report(p, "RJCT", "AC01"), nils, t0); err != nil {
		t.Fatal(err)
	}
	events := len(p.Uncommitted())
	err := p.Reinstruct(attemptIn(t, 2), identity.Workflow.Stamp(), t0)
	if !errors.Is(err, ErrAwaitingCorrection) || KindOf(err) != KindConflict || !strings.Contains(err.Error(), "AC01") || len(p.Uncommitted()) != events {
		t.Fatalf("AC01 instructed again: %v", err)
	}
	for _, bad := range []string{"", "PT50 0002 0123", "PT50000201231234567890155", strings.Repeat("1", 35)} {
		if err := p.Correct(bad, attemptIn(t, 2), per, lax, t0); KindOf(err) != KindInvalid {
			t.Errorf("correction to %q: %v", bad, err)
		}
	}
	const fixed = "PT50000201231234567890154"
	if p.RepeatsCorrection(fixed, per) {
		t.Fatal("a correction not made yet repeats")
	}
	if err := p.Correct(fixed, attemptIn(t, 2), per, lax, t0); err != nil {
		t.Fatal(err)
	}
	if a := p.Current(); p.Status != StatusInstructed || a.Number != 2 || a.CreditorAccount != fixed || p.Attempts[0].CreditorAccount != "" {
		t.Fatalf("after the correction: %s %+v", p.Status, p.Attempts)
	}
	if !p.RepeatsCorrection(fixed, per) || p.RepeatsCorrection(fixed, honourer) {
		t.Fatal("a retried correction is not told from another's")
	}
	if err := p.Correct(fixed, attemptIn(t, 3), per, lax, t0); KindOf(err) != KindConflict {
		t.Fatalf("an instructed payment corrected: %v", err)
	}
	if d := p.Obligation.TermsDiffer(obligation()); len(d) != 0 || p.Obligation.BeneficiaryAccount != "" {
		t.Fatalf("the correction changed the honour's terms: %v", d)
	}
	if r := Rebuild(p.Uncommitted()); r.CreditorAccount() != fixed || len(r.Corrections) != 1 || r.Corrections[0].By != per {
		t.Fatalf("rebuilt corrections %+v", r.Corrections)
	}
}

// TestCorrectionAboveTheThresholdNeedsFourEyes: a corrected instruction is a new creditor for the
// money: above the threshold it waits for a checker, who is not its maker.
func TestCorrectionAboveTheThresholdNeedsFourEyes(t *testing.T) {
	strict := FourEyes{PerCurrency: map[string]int64{"EUR": 1_000_00}}
	p, _ := RaisePayment(obligation(), honourer, t0)
	sara := identity.Stamp{Org: "BNPAFRPP", User: "sara", Client: "bank-desk"}
	if err := p.RequestRelease(per, t0); err != nil {
		t.Fatal(err)
	}
	if err := p.Approve(sara, attemptIn(t, 1), t0); err != nil {
		t.Fatal(err)
	}
	if err := p.ApplyReport(report(p, "RJCT", "AC04"), nils, t0); err != nil {
		t.Fatal(err)
	}
	oscar := identity.Stamp{Org: "BNPAFRPP", User: "oscar", Client: "bank-desk"}
	if err := p.Correct("DE89370400440532013000", attemptIn(t, 2), oscar, strict, t0); err != nil {
		t.Fatal(err)
	}
	if p.Status != StatusAwaitingApproval || len(p.Attempts) != 1 || *p.Maker != oscar || p.Checker != nil {
		t.Fatalf("corrected above the threshold: %s, %d attempts, maker %v", p.Status, len(p.Attempts), p.Maker)
	}
	if parties := p.Parties("NCLRSESS"); parties.Maker == nil || *parties.Maker != oscar {
		t.Fatalf("the correction's maker is not the one four eyes exclude: %+v", parties)
	}
	if err := p.Approve(sara, attemptIn(t, 2), t0); err != nil {
		t.Fatal(err)
	}
	if a := p.Current(); p.Status != StatusInstructed || a.Number != 2 || a.CreditorAccount != "DE89370400440532013000" || a.InstructedBy != sara {
		t.Fatalf("approved correction: %s %+v", p.Status, a)
	}
}

// TestAttemptsAreBounded: transient rejections re-instruct by themselves only up to maxAutomatic
// attempts, then a person decides; no payment has more than MaxAttempts.
func TestAttemptsAreBounded(t *testing.T) {
	p := instructed(t)
	for n := 2; ; n++ {
		if err := p.ApplyReport(report(p, "RJCT", "AM04"), nils, t0); err != nil {
			t.Fatal(err)
		}
		err := p.Reinstruct(attemptIn(t, n), identity.Workflow.Stamp(), t0)
		if n <= maxAutomatic {
			if err != nil {
				t.Fatalf("attempt %d: %v", n, err)
			}
			continue
		}
		if !errors.Is(err, ErrAwaitingCorrection) {
			t.Fatalf("attempt %d of transient rejections: %v, want a person to decide", n, err)
		}
		err = p.Correct("123456789", attemptIn(t, n), per, lax, t0)
		if n <= MaxAttempts {
			if err != nil {
				t.Fatalf("correction for attempt %d: %v", n, err)
			}
			continue
		}
		if KindOf(err) != KindConflict || len(p.Attempts) != MaxAttempts {
			t.Fatalf("attempt %d: %v with %d attempts", n, err, len(p.Attempts))
		}
		return
	}
}

func TestReasonsThatPassByThemselves(t *testing.T) {
	for code, passes := range map[string]bool{"TM01": true, "AM04": true, "AB05": true, "AB08": true, "ED05": true,
		"AC01": false, "AC04": false, "AC06": false, "RC01": false, "DUPL": false, "MS03": false, "": false, "ZZZZ": false} {
		if MayPassByItself(code) != passes {
			t.Errorf("%q passes by itself: %v, want %v", code, !passes, passes)
		}
	}
}

// TestHistoryRecordedBeforeAttempts: streams stored before attempts were named (no UETR on the
// outcome, no creditor account on the instruction, status "reversed" implied by the events) read
// as one rejected, reversed attempt, and can be instructed again.
func TestHistoryRecordedBeforeAttempts(t *testing.T) {
	p := instructed(t)
	in := p.Uncommitted()[1].(PaymentInstructed)
	in.CreditorAccount = ""
	old := []Event{p.Uncommitted()[0], in, PaymentFailed{Actor: nils, Reason: "TM01", At: t0},
		PaymentReversed{Actor: nils, PostingID: "T1:LC1:P1:reversal", Postings: in.Postings, At: t0}}
	r := Rebuild(old)
	if a := r.Current(); r.Status != StatusFailed || a.Number != 1 || a.StatusCode != "RJCT" || a.Reason != "TM01" || a.Reversal == nil {
		t.Fatalf("old history: %s %+v", r.Status, a)
	}
	if err := r.Reinstruct(attemptIn(t, 2), identity.Workflow.Stamp(), t0); err != nil || r.Current().Number != 2 {
		t.Fatalf("old history instructed again: %v", err)
	}
}

func TestBoundsOfIdentifiers(t *testing.T) {
	if err := CheckPaymentID("T1:LC1:P1"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{strings.Repeat("x", 300), "a/b:LC:P", ":LC:P", strings.Repeat("T", 65) + ":LC:P"} {
		if err := CheckPaymentID(bad); KindOf(err) != KindInvalid {
			t.Errorf("payment ID %q: %v", bad, err)
		}
	}
	if err := CheckPaymentID("a b:LC:P"); !errors.Is(err, contracts.ErrBadTradeID) {
		t.Errorf("a bad trade ID is not told as one: %v", err)
	}
	for name, change := range map[string]func(o *Obligation){
		"trade ID over the bound":  func(o *Obligation) { o.TradeID = strings.Repeat("T", contracts.MaxTradeIDLength+1) },
		"trade ID with a slash":    func(o *Obligation) { o.TradeID = "T/1" },
		"LC ID over the bound":     func(o *Obligation) { o.LCID = strings.Repeat("L", MaxID+1) },
		"beneficiary over Max140":  func(o *Obligation) { o.Beneficiary = strings.Repeat("b", MaxText+1) },
		"account over Max34":       func(o *Obligation) { o.BeneficiaryAccount = strings.Repeat("1", MaxAccount+1) },
		"amount in no minor units": func(o *Obligation) { o.Amount = money.Money{} },
	} {
		o := obligation()
		change(&o)
		if _, err := RaisePayment(o, honourer, t0); KindOf(err) != KindInvalid {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := RaisePayment(obligation(), identity.Stamp{Org: "BNPAFRPP", User: strings.Repeat("u", MaxStampPart+1)}, t0); KindOf(err) != KindInvalid {
		t.Errorf("an unbounded actor recorded: %v", err)
	}
	for _, good := range []string{"PT50000201231234567890154", "DE89370400440532013000", "GB82WEST12345698765432", "123456789", "de89370400440532013000"} {
		if err := CheckAccount(good); err != nil {
			t.Errorf("account %s: %v", good, err)
		}
	}
}

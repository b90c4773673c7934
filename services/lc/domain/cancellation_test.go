package domain

import (
	"errors"
	"strings"
	"testing"
)

// TestCancellationNeedsTheBeneficiarysConsent: UCP 600 Art. 10(a) an irrevocable credit can be
// cancelled only with the agreement of the issuing bank and the beneficiary: the bank proposes,
// and only the beneficiary's consent cancels it.
func TestCancellationNeedsTheBeneficiarysConsent(t *testing.T) {
	lc := issued(t)
	var fs InvalidFields
	if err := lc.ProposeCancellation("", issuerOfficer.Stamp(), presentedAt); !errors.As(err, &fs) || fs[0].Field != "reason" {
		t.Fatalf("no reason: %v", err)
	}
	if err := lc.ProposeCancellation(strings.Repeat("x", MaxReasonLength+1), issuerOfficer.Stamp(), presentedAt); !errors.As(err, &fs) {
		t.Fatalf("an unbounded reason: %v", err)
	}
	if err := lc.AnswerCancellation(true, presentedAt); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("consent to nothing: %v", err)
	}
	for range 2 { // a retried proposal changes nothing
		if err := lc.ProposeCancellation("the sale fell through", issuerOfficer.Stamp(), presentedAt); err != nil {
			t.Fatal(err)
		}
	}
	if lc.Status != StatusIssued || len(lc.Changes()) != 3 {
		t.Fatalf("a proposal alone: %s, %d events", lc.Status, len(lc.Changes()))
	}
	if err := lc.ProposeCancellation("another reason", issuerOfficer.Stamp(), presentedAt); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("a second proposal while one is open: %v", err)
	}
	if err := lc.AnswerCancellation(false, presentedAt); err != nil || lc.Status != StatusIssued || lc.Cancellation.Status != StateRejected {
		t.Fatalf("rejected: %v %s", err, lc.Status)
	}
	if err := lc.ProposeCancellation("asked again", issuerOfficer.Stamp(), presentedAt); err != nil {
		t.Fatal(err)
	}
	for range 2 { // a retried consent changes nothing
		if err := lc.AnswerCancellation(true, presentedAt); err != nil || lc.Status != StatusCancelled {
			t.Fatalf("consent: %v %s", err, lc.Status)
		}
	}
	if err := lc.AnswerCancellation(false, presentedAt); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("changing the answer: %v", err)
	}
	if _, err := present(lc, "P-1", complying(), presentedAt, policy); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("presenting under a cancelled credit: %v", err)
	}
	if o := lc.Expire(utc(2027, 2, 1, 0)); o.Status != string(StatusCancelled) {
		t.Fatalf("expiring a cancelled credit: %+v", o)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if replayed.Status != StatusCancelled || replayed.Cancellation.Reason != "asked again" {
		t.Fatalf("replayed: %s %+v", replayed.Status, replayed.Cancellation)
	}
}

// TestNoCancellationWhileAPresentationIsPending: a presentation made in time is decided first
// (Art. 16); an honoured credit has nothing left to cancel.
func TestNoCancellationWhileAPresentationIsPending(t *testing.T) {
	lc := refused(t)
	if err := lc.ProposeCancellation("the buyer withdrew", issuerOfficer.Stamp(), presentedAt); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("while the refusal awaits the waiver: %v", err)
	}
	if err := lc.ProposeCancellation("the buyer withdrew", issuerOfficer.Stamp(), lc.Presentations[0].DecisionUntil); err != nil {
		t.Fatalf("after the decision period: %v", err)
	}
	honoured := issued(t)
	_ = honoured.ProposeCancellation("the buyer withdrew", issuerOfficer.Stamp(), presentedAt)
	_, _ = present(honoured, "P-1", complying(), presentedAt, policy)
	if err := honoured.AnswerCancellation(true, presentedAt); !errors.Is(err, ErrInvalidState) || honoured.Status != StatusHonoured {
		t.Fatalf("consent after the honour: %v %s", err, honoured.Status)
	}
}

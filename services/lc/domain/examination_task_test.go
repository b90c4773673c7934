package domain

import (
	"errors"
	"testing"
	"time"
)

// stockholmBank is the issuing bank's setting: ESSESESS acts at Stockholm (Swedish bank
// holidays; none in early December), the credit's place of expiry is Lisbon (8 December closed).
func stockholmBank(t *testing.T) Policy {
	t.Helper()
	zone, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	sto, err := NewCalendar("Stockholm", zone, nil, []Date{NewDate(2026, time.December, 24), NewDate(2026, time.December, 25)})
	if err != nil {
		t.Fatal(err)
	}
	cs := NewCalendars(lisbon, sto)
	cs.AddBank("ESSESESS", sto)
	cs.AddBank("BCOMPTPL", lisbon)
	return Policy{Calendars: cs}
}

// TestExaminationDeadlineRunsOnTheReceivingBanksCalendar is the noticed bug: documents received
// by the issuing bank in Stockholm on Tuesday 1 December 2026 got the deadline 10 December,
// counted on Lisbon's calendar (the place of expiry: 1 and 8 December closed). Five banking days
// following the day of presentation at Stockholm (UCP 600 Art. 2, 14(b)) end on Tuesday 8
// December. The receipt is the bank's stamp, whatever date the presenter wrote.
func TestExaminationDeadlineRunsOnTheReceivingBanksCalendar(t *testing.T) {
	pol := stockholmBank(t)
	lc := issued(t)
	p := complying()
	p.Date, p.Place = NewDate(2026, time.November, 20), "Lisbon" // the presenter's word: ignored
	received := time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC)
	res, err := lc.Present("P-1", p, received, pol, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Deadline != NewDate(2026, time.December, 8) {
		t.Errorf("deadline %s, want 2026-12-08", res.Deadline)
	}
	got := lc.Presentations[0]
	if got.Presentation.Date != NewDate(2026, time.December, 1) || got.Presentation.Place != "Stockholm" || got.Presentation.Bank != "ESSESESS" {
		t.Errorf("receipt stamp %s at %s by %s, want 2026-12-01 at Stockholm by ESSESESS", got.Presentation.Date, got.Presentation.Place, got.Presentation.Bank)
	}
	// The close of 8 December in Stockholm (CET, UTC+1).
	if want := time.Date(2026, time.December, 8, 23, 0, 0, 0, time.UTC); !got.DeadlineAt.Equal(want) || !got.ReceivedAt.Equal(received) {
		t.Errorf("deadline at %s, received at %s; want %s", got.DeadlineAt, got.ReceivedAt, want)
	}
	// Art. 6(d)(ii): the issuing bank's place is a place for presentation besides Lisbon.
	for _, d := range res.Discrepancies {
		if d.Rule == "UCP 600 Art. 6(d)(ii)" {
			t.Errorf("presented to the issuing bank, yet: %s", d.Message)
		}
	}
	if !got.Queued() || lc.Status != StatusIssued {
		t.Errorf("the presentation is decided at once: %+v, %s", got, lc.Status)
	}
	// Presented to the nominated bank in Lisbon, it counts on Lisbon's calendar.
	lc2 := issued(t)
	p.Bank = "BCOMPTPL"
	if res, err := lc2.Present("P-1", p, received, pol, nil); err != nil || res.Deadline != NewDate(2026, time.December, 9) {
		t.Errorf("presented to BCOMPTPL in Lisbon: deadline %s, %v; want 2026-12-09 (8 December closed)", res.Deadline, err)
	}
	p.Bank = "DEUTDEFF"
	var fs InvalidFields
	if _, err := issued(t).Present("P-1", p, received, pol, nil); !errors.As(err, &fs) || fs[0].Field != "presentation.presentedTo" {
		t.Errorf("presented to a bank of no standing under the credit: %v", err)
	}
}

// TestUnregisteredDocumentIsDiscrepant: UCP 600 Art. 14(a) — a presented SHA-256 customs did not
// register for the trade, or registered as another kind, is a discrepancy; a registered one is not.
func TestUnregisteredDocumentIsDiscrepant(t *testing.T) {
	const inv, bl, other = "1111111111111111111111111111111111111111111111111111111111111111",
		"2222222222222222222222222222222222222222222222222222222222222222", "3333333333333333333333333333333333333333333333333333333333333333"
	reg := RegisteredDocuments{inv: {SHA256: inv, Kind: CommercialInvoice}, bl: {SHA256: bl, Kind: BillOfLading}}
	p := complying()
	doc(&p, CommercialInvoice).SHA256 = inv
	doc(&p, BillOfLading).SHA256 = bl
	lc := issued(t)
	res, err := lc.Present("P-1", p, presentedAt, policy, reg)
	if err != nil || !res.Compliant {
		t.Fatalf("registered documents: %v %+v", err, res.Discrepancies)
	}
	doc(&p, BillOfLading).SHA256 = other
	doc(&p, PackingList).SHA256 = inv // the invoice's fingerprint presented as the packing list
	res, err = issued(t).Present("P-1", p, presentedAt, policy, reg)
	if err != nil || res.Compliant || len(res.Discrepancies) != 2 {
		t.Fatalf("unregistered documents: %v %+v", err, res.Discrepancies)
	}
	for _, d := range res.Discrepancies {
		if d.Rule != "UCP 600 Art. 14(a)" || d.Field != "sha256" {
			t.Errorf("discrepancy %+v", d)
		}
	}
}

// TestExaminerDecides: the examiner refuses with the disposal the bank chooses (Art.
// 16(c)(iii)(a)-(d)) and its own findings, or honours; the same decision again is a retry; a
// refusal of a complying presentation is refused (Art. 15(a)), a second decision too.
func TestExaminerDecides(t *testing.T) {
	lc := issued(t)
	bad := complying()
	doc(&bad, BillOfLading).OnBoardNotation = false
	if _, err := lc.Present("P-1", bad, presentedAt, policy, nil); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideExamination("P-1", ExaminationDecision{Disposal: "KEEP"}, presentedAt, policy); KindOf(err) != KindRule {
		t.Errorf("an unknown disposal: %v", err)
	}
	findings := []Discrepancy{{Rule: "UCP 600 Art. 20(a)(ii)", Document: BillOfLading, Message: "no on-board notation"},
		{Rule: "UCP 600 Art. 14(d)", Document: PackingList, Message: "weights conflict with the invoice"}}
	d := ExaminationDecision{Disposal: ReturnDocuments, Findings: findings}
	if err := lc.DecideExamination("P-1", d, presentedAt, policy); err != nil || lc.Status != StatusRefused {
		t.Fatalf("refuse: %v %s", err, lc.Status)
	}
	if r := lc.Presentations[0].Refusal; r.Disposal != ReturnDocuments || len(r.Discrepancies) != 2 || r.Date != NewDate(2026, time.December, 9) {
		t.Errorf("refusal notice %+v", r)
	}
	if err := lc.DecideExamination("P-1", d, presentedAt, policy); err != nil {
		t.Errorf("a retried refusal: %v", err)
	}
	if err := lc.DecideExamination("P-1", ExaminationDecision{Honour: true}, presentedAt, policy); !errors.Is(err, ErrInvalidState) {
		t.Errorf("honour after refusal: %v", err)
	}
	ok := issued(t)
	if _, err := ok.Present("P-1", complying(), presentedAt, policy, nil); err != nil {
		t.Fatal(err)
	}
	if err := ok.DecideExamination("P-1", ExaminationDecision{Disposal: HoldPendingInstructions}, presentedAt, policy); KindOf(err) != KindRule {
		t.Errorf("refusing a complying presentation: %v", err)
	}
	if err := ok.DecideExamination("P-1", ExaminationDecision{Honour: true}, presentedAt, policy); err != nil || ok.Status != StatusHonoured {
		t.Errorf("honour: %v %s", err, ok.Status)
	}
	if err := ok.DecideExamination("P-9", ExaminationDecision{Honour: true}, presentedAt, policy); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown presentation: %v", err)
	}
}

// TestRefusalPrecludedAfterTheDeadline: Art. 16(f) — once the close of the fifth banking day
// passed undecided, a refusal is refused; the workflow's question then precludes refusal and
// honours, once; asked before the deadline it changes nothing.
func TestRefusalPrecludedAfterTheDeadline(t *testing.T) {
	pol := stockholmBank(t)
	lc := issued(t)
	bad := complying()
	doc(&bad, BillOfLading).OnBoardNotation = false
	if _, err := lc.Present("P-1", bad, time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC), pol, nil); err != nil {
		t.Fatal(err)
	}
	deadline := lc.Presentations[0].DeadlineAt
	if out, err := lc.PassExaminationDeadline("P-1", deadline.Add(-time.Second), pol); err != nil || out.Status != DeadlinePending || !out.DeadlineAt.Equal(deadline) {
		t.Fatalf("before the deadline: %+v %v", out, err)
	}
	late := ExaminationDecision{Disposal: HoldPendingWaiver}
	if err := lc.DecideExamination("P-1", late, deadline, pol); !errors.Is(err, ErrRefusalTooLate) {
		t.Fatalf("a refusal at the deadline: %v", err)
	}
	out, err := lc.PassExaminationDeadline("P-1", deadline.Add(time.Minute), pol)
	if err != nil || out.Status != DeadlinePrecluded || lc.Status != StatusHonoured || !lc.Presentations[0].Precluded {
		t.Fatalf("after the deadline: %+v %v %s", out, err, lc.Status)
	}
	if lc.Presentations[0].HonouredOn != NewDate(2026, time.December, 9) {
		t.Errorf("honoured on %s", lc.Presentations[0].HonouredOn)
	}
	n := len(lc.Changes())
	if out, err := lc.PassExaminationDeadline("P-1", deadline.Add(time.Hour), pol); err != nil || out.Status != DeadlineDecided || len(lc.Changes()) != n {
		t.Errorf("asked again: %+v %v", out, err)
	}
	again := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		again.Apply(e)
	}
	if !again.Presentations[0].Precluded || !again.Presentations[0].Honoured {
		t.Errorf("rebuilt: %+v", again.Presentations[0])
	}
}

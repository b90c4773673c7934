package domain

import (
	"fmt"
	"time"
)

// Examination is a bank task (UCP 600 Art. 14, 16). Presenting queues the presentation with the
// bank's receipt stamp and its deadline; the automatic examination pre-fills the examiner's
// findings; the examiner decides — honour, or refuse with every discrepancy and the disposal the
// bank chooses (Art. 16(c)(iii)(a)-(d)). Until the close of the fifth banking day following the
// day of presentation (Art. 14(b), 16(d)) the bank may refuse; after it, it is precluded from
// claiming that the documents do not comply (Art. 16(f)) and must honour (Art. 15(a)).

// RefusalPrecluded: the examination deadline of a presentation passed with no decision; the bank
// can no longer refuse it (Art. 16(f)). An Honoured event follows it.
type RefusalPrecluded struct {
	PresentationID string
	At             time.Time
}

func (RefusalPrecluded) EventName() string { return "lc.RefusalPrecluded" }

// MaxFindings bounds the discrepancies an examiner records on one presentation.
const MaxFindings = 100

// ExaminationDecision is the examiner's decision on a queued presentation.
type ExaminationDecision struct {
	Honour   bool
	Disposal Disposal      // of a refusal: Art. 16(c)(iii)(a)-(d)
	Findings []Discrepancy // of a refusal: the examiner's; none, the automatic examination's
}

// The outcomes of PassExaminationDeadline.
const (
	DeadlineDecided   = "DECIDED"   // the examiner decided in time (or the deadline passed already)
	DeadlinePending   = "PENDING"   // the deadline has not passed at the service's clock
	DeadlinePrecluded = "PRECLUDED" // it passed undecided: refusal precluded, the presentation honoured
)

// DeadlineOutcome answers PassExaminationDeadline: the outcome and the presentation's deadline.
type DeadlineOutcome struct {
	Status     string
	DeadlineAt time.Time
}

// queueExamination stamps the receipt at instant at on the calendar of the bank presented to
// (the issuing bank unless the presenter names the advising, nominated bank), examines the
// presentation automatically and queues it for the examiner.
func (lc *LetterOfCredit) queueExamination(id string, p Presentation, at time.Time, pol Policy, reg RegisteredDocuments) (Examination, error) {
	switch p.Bank {
	case "":
		p.Bank = lc.Terms.IssuingBank
	case lc.Terms.IssuingBank, lc.Terms.AdvisingBank, lc.confirmedBy(): // the confirming bank's too (Art. 8(a))
	default:
		return Examination{}, InvalidFields{{Field: "presentation.presentedTo",
			Reason: fmt.Sprintf("%q: the issuing bank %s or the nominated bank %s of the credit (UCP 600 Art. 6(a), 12)", p.Bank, lc.Terms.IssuingBank, lc.Terms.AdvisingBank)}}
	}
	cal := pol.Calendars.ofBank(p.Bank, lc.Terms)
	// The bank's stamp, never the presenter's word: the date at its place (Art. 33: documents
	// received on a closed day count from the next banking day, which Examine applies).
	p.Date, p.Place = cal.DateAt(at), cal.Place()
	lc.deemAmendmentAccepted(p, cal, pol)                // Art. 10(c): compliance with a pending amendment accepts it
	res := lc.checkBalance(Examine(lc.Terms, p, cal), p) // a drawing may not exceed what is available (drawings.go)
	if found := checkRegistered(p, reg); len(found) > 0 {
		res.Discrepancies, res.Compliant = append(res.Discrepancies, found...), false
	}
	deadlineAt := cal.EndOf(res.Deadline)
	if pol.ExaminationPeriod > 0 {
		deadlineAt = at.Add(pol.ExaminationPeriod)
		res.Deadline = cal.DateAt(deadlineAt)
	}
	lc.record(DocumentsExamined{PresentationID: id, Presentation: p, Result: res, ReceivedAt: at, DeadlineAt: deadlineAt})
	return res, nil
}

// DecideExamination records the examiner's decision on presentation id at instant at. A refusal
// after the deadline is refused (Art. 16(f)); honour is always open to the bank. The same
// decision again is a retry and changes nothing.
func (lc *LetterOfCredit) DecideExamination(id string, d ExaminationDecision, at time.Time, pol Policy) error {
	p := lc.findPresentation(id)
	if p == nil {
		return fmt.Errorf("%w: no presentation %s under credit %s", ErrNotFound, id, lc.ID)
	}
	switch {
	case p.Honoured && d.Honour, p.Refusal != nil && !d.Honour && p.Refusal.Disposal == d.Disposal:
		return nil // a retried decision
	case p.Precluded && !d.Honour:
		return fmt.Errorf("%w: the examination of %s closed at %s undecided; the bank is precluded from refusing and the presentation was honoured (UCP 600 Art. 16(f))",
			ErrRefusalTooLate, id, p.DeadlineAt.Format(time.RFC3339))
	case p.Honoured || p.Refusal != nil:
		return fmt.Errorf("decide examination: %w: presentation %s is decided already", ErrInvalidState, id)
	}
	cal := pol.Calendars.ofBank(p.Presentation.Bank, lc.Terms)
	on := cal.DateAt(at)
	if d.Honour {
		if err := lc.checkHonourWithinBalance(id); err != nil {
			return err
		}
		lc.recordHonour(Honoured{PresentationID: id, Date: on, By: lc.honouredBy(p)})
		return lc.Undertake(pol) // a usance credit's honour is an undertaking to pay at maturity
	}
	if !p.DeadlineAt.IsZero() && !at.Before(p.DeadlineAt) {
		return fmt.Errorf("%w: the examination of %s closed at %s; the bank is precluded from refusing (UCP 600 Art. 14(b), 16(f))",
			ErrRefusalTooLate, id, p.DeadlineAt.Format(time.RFC3339))
	}
	findings := d.Findings
	if len(findings) == 0 {
		findings = p.Result.Discrepancies
	}
	if err := checkFindings(findings); err != nil {
		return err
	}
	notice, err := Refuse(Examination{Discrepancies: findings, Deadline: p.Result.Deadline}, d.Disposal, on)
	if err != nil {
		return err
	}
	decideBy := cal.EndOf(cal.AddBankingDays(on, pol.decisionDays()))
	lc.record(PresentationRefused{PresentationID: id, Notice: notice, DecisionUntil: decideBy})
	return nil
}

// PassExaminationDeadline is the trade workflow's question when presentation id's deadline timer
// fired: the credit decides. Undecided at or after its deadline, the bank is precluded from
// refusing (Art. 16(f)) and the presentation is honoured (Art. 15(a)).
func (lc *LetterOfCredit) PassExaminationDeadline(id string, at time.Time, pol Policy) (DeadlineOutcome, error) {
	p := lc.findPresentation(id)
	if p == nil {
		return DeadlineOutcome{}, fmt.Errorf("%w: no presentation %s under credit %s", ErrNotFound, id, lc.ID)
	}
	out := DeadlineOutcome{Status: DeadlineDecided, DeadlineAt: p.DeadlineAt}
	switch {
	case p.Honoured || p.Refusal != nil || p.DeadlineAt.IsZero():
		return out, nil
	case at.Before(p.DeadlineAt):
		out.Status = DeadlinePending
		return out, nil
	}
	lc.record(RefusalPrecluded{PresentationID: id, At: at})
	lc.recordHonour(Honoured{PresentationID: id, Date: pol.Calendars.ofBank(p.Presentation.Bank, lc.Terms).DateAt(at), By: lc.honouredBy(p)})
	out.Status = DeadlinePrecluded
	return out, lc.Undertake(pol) // a usance credit's honour is an undertaking to pay at maturity
}

// Queued reports whether the presentation awaits the examiner's decision.
func (p ExaminedPresentation) Queued() bool { return !p.Honoured && p.Refusal == nil }

// findPresentation is the presentation id, nil when there is none.
func (lc *LetterOfCredit) findPresentation(id string) *ExaminedPresentation {
	for i := range lc.Presentations {
		if lc.Presentations[i].ID == id {
			return &lc.Presentations[i]
		}
	}
	return nil
}

// presentation is the presentation an event names; the last one for an event stored before
// events were applied by presentation.
func (lc *LetterOfCredit) presentation(id string) *ExaminedPresentation {
	if p := lc.findPresentation(id); p != nil {
		return p
	}
	return lc.last()
}

// checkFindings bounds the examiner's findings.
func checkFindings(ds []Discrepancy) error {
	var b bounds
	if !b.items("discrepancies", len(ds), MaxFindings) {
		return b.bad
	}
	for i, d := range ds {
		at := fmt.Sprintf("discrepancies[%d].", i)
		b.text(at+"rule", d.Rule, MaxNameLength)
		b.text(at+"field", d.Field, MaxNameLength)
		b.text(at+"message", d.Message, MaxGoodsLength)
		if d.Message == "" || d.Rule == "" {
			b.bad = append(b.bad, FieldError{Field: at + "message", Reason: "a finding names its rule and says what does not comply (UCP 600 Art. 16(c)(ii))"})
		}
	}
	if len(b.bad) > 0 {
		return b.bad
	}
	return nil
}

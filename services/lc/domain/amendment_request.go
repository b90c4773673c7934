package domain

import "fmt"

// The states of an amendment before and besides the beneficiary's answer.
const (
	StateRequested = "REQUESTED" // the applicant asked; the issuing bank has not issued it yet
	StateDeclined  = "DECLINED"  // the issuing bank declined the applicant's request
)

// The steps of an amendment from the applicant's request to the beneficiary.
type (
	// AmendmentRequested: the applicant asked the issuing bank to amend the credit.
	AmendmentRequested struct{ Amendment Amendment }
	// AmendmentIssued: the issuing bank issued the applicant's request (MT707); it is
	// irrevocably bound by it from then on (UCP 600 Art. 10(b)).
	AmendmentIssued struct {
		Number int
		Date   Date
	}
	// AmendmentDeclined: the issuing bank declined the request; the terms stand.
	AmendmentDeclined struct {
		Number int
		Reason string
	}
	// AmendmentAdvised: the advising bank advised the amendment to the beneficiary (Art. 9(d)).
	AmendmentAdvised struct {
		Number int
		By     BIC
		On     Date
	}
)

func (AmendmentRequested) EventName() string { return "lc.AmendmentRequested" }
func (AmendmentIssued) EventName() string    { return "lc.AmendmentIssued" }
func (AmendmentDeclined) EventName() string  { return "lc.AmendmentDeclined" }
func (AmendmentAdvised) EventName() string   { return "lc.AmendmentAdvised" }

// RequestAmendment is the applicant's request: the changes it asks the issuing bank to make,
// checked against the terms as they stand, as the bank's own amendment is (Amend).
func (lc *LetterOfCredit) RequestAmendment(a Amendment, by Stamp) (Amendment, error) {
	if err := lc.checkAmendment(a); err != nil {
		return Amendment{}, err
	}
	a.Number, a.Status, a.RequestedBy, a.AdvisedOn, a.Partial = len(lc.Amendments)+1, StateRequested, by, Date{}, false
	lc.record(AmendmentRequested{Amendment: a})
	return a, nil
}

// IssueAmendment issues the applicant's request number (MT707) on date on; the same issue again
// (a retry) changes nothing.
func (lc *LetterOfCredit) IssueAmendment(number int, on Date) error {
	a, err := lc.amendment(number)
	if err != nil {
		return err
	}
	if a.Status == StateProposed && a.RequestedBy != (Stamp{}) && (on.IsZero() || a.Date == on) {
		return nil
	}
	if a.Status != StateRequested {
		return fmt.Errorf("issue amendment: %w: amendment %d is %s, not a request awaiting issue", ErrInvalidState, number, a.Status)
	}
	if !lc.available() {
		return fmt.Errorf("issue amendment: %w (%s)", ErrInvalidState, lc.Status)
	}
	if on.IsZero() {
		return InvalidFields{{Field: "date", Reason: "required: the date of the amendment (MT707 30)"}}
	}
	if on.Before(lc.IssueDate) {
		return InvalidFields{{Field: "date", Reason: fmt.Sprintf("%s is before the credit's issue on %s", on, lc.IssueDate)}}
	}
	lc.record(AmendmentIssued{Number: number, Date: on})
	return nil
}

// DeclineAmendment: the issuing bank will not issue the applicant's request (nothing obliges it
// to amend its undertaking); the terms stand.
func (lc *LetterOfCredit) DeclineAmendment(number int, reason string) error {
	a, err := lc.amendment(number)
	if err != nil {
		return err
	}
	if a.Status == StateDeclined {
		return nil // a retry
	}
	if a.Status != StateRequested {
		return fmt.Errorf("decline amendment: %w: amendment %d is %s, not a request awaiting issue", ErrInvalidState, number, a.Status)
	}
	var b bounds
	b.text("reason", reason, MaxReasonLength)
	if reason == "" {
		b.bad = append(b.bad, FieldError{Field: "reason", Reason: "required: why the bank declines the amendment"})
	}
	if len(b.bad) > 0 {
		return b.bad
	}
	lc.record(AmendmentDeclined{Number: number, Reason: reason})
	return nil
}

// AdviseAmendment: the advising bank that advised the credit advises its amendment to the
// beneficiary (UCP 600 Art. 9(d)); the beneficiary then answers it. A zero date repeats an
// advice given (a retry).
func (lc *LetterOfCredit) AdviseAmendment(number int, by BIC, on Date) error {
	if by != lc.Terms.AdvisingBank {
		return fmt.Errorf("advise amendment: %w: %s is not %s", ErrNotAdvisingBank, by, lc.Terms.AdvisingBank)
	}
	a, err := lc.amendment(number)
	if err != nil {
		return err
	}
	if !a.AdvisedOn.IsZero() && (on.IsZero() || a.AdvisedOn == on) {
		return nil
	}
	switch {
	case a.Status != StateProposed:
		return fmt.Errorf("advise amendment: %w: amendment %d is %s; an issued amendment awaiting its answer is advised", ErrInvalidState, number, a.Status)
	case lc.AdvisedOn.IsZero():
		return fmt.Errorf("advise amendment: %w: the credit itself is not advised yet (UCP 600 Art. 9(d))", ErrInvalidState)
	case on.IsZero():
		return InvalidFields{{Field: "advisedOn", Reason: "required: the date of the advice"}}
	case on.Before(a.Date):
		return InvalidFields{{Field: "advisedOn", Reason: fmt.Sprintf("%s is before the amendment's date %s", on, a.Date)}}
	}
	lc.record(AmendmentAdvised{Number: number, By: by, On: on})
	return nil
}

func (lc *LetterOfCredit) amendment(number int) (*Amendment, error) {
	if number < 1 || number > len(lc.Amendments) {
		return nil, errorf(KindNotFound, "the credit has no amendment %d", number)
	}
	return &lc.Amendments[number-1], nil
}

func (lc *LetterOfCredit) applyAmendmentStep(e Event) {
	switch e := e.(type) {
	case AmendmentRequested:
		lc.Amendments = append(lc.Amendments, e.Amendment)
	case AmendmentIssued:
		a := &lc.Amendments[e.Number-1]
		a.Status, a.Date = StateProposed, e.Date
	case AmendmentDeclined:
		lc.Amendments[e.Number-1].Status = StateDeclined
	case AmendmentAdvised:
		lc.Amendments[e.Number-1].AdvisedOn = e.On
	}
}

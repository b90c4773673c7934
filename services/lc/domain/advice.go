package domain

import (
	"fmt"
)

// Advice and acceptance: the advising bank tells the beneficiary of the credit, and the
// beneficiary accepts its terms.
const (
	StatusAdvised  Status = "ADVISED"
	StatusAccepted Status = "ACCEPTED"
)

// The events of advice and acceptance.
type (
	// Advised: the advising bank advised the credit (UCP 600 Art. 9(a)), having satisfied itself
	// as to its apparent authenticity (Art. 9(b)).
	Advised struct {
		By BIC
		On Date
	}
	// Accepted: the beneficiary accepted the credit's terms as advised.
	Accepted struct{ On Date }
)

// BIC identifies a bank (ISO 9362).
type BIC = string

func (Advised) EventName() string  { return "lc.Advised" }
func (Accepted) EventName() string { return "lc.Accepted" }

// ErrNotAdvisingBank: only the advising bank the credit names may advise it.
var ErrNotAdvisingBank = &Error{Kind: KindForbidden, Msg: "not the credit's advising bank"}

// Advise the credit to the beneficiary. Only the advising bank named in the credit may, and only
// an issued credit: an advising bank that does not act on the issuing bank's instruction must say
// so (Art. 9(e)) — it cannot advise what was never issued to it. A zero date repeats an advice
// already given (a retry) and is otherwise invalid.
func (lc *LetterOfCredit) Advise(by BIC, on Date) error {
	if by != lc.Terms.AdvisingBank {
		return fmt.Errorf("advise: %w: %s is not %s", ErrNotAdvisingBank, by, lc.Terms.AdvisingBank)
	}
	if !lc.AdvisedOn.IsZero() && (on.IsZero() || lc.AdvisedOn == on) {
		return nil // a retried advice: nothing new
	}
	if lc.Status != StatusIssued {
		return fmt.Errorf("advise: %w (%s)", ErrInvalidState, lc.Status)
	}
	if on.IsZero() {
		return InvalidFields{{Field: "advisedOn", Reason: "required: the date of the advice"}}
	}
	if on.Before(lc.IssueDate) {
		return InvalidFields{{Field: "advisedOn", Reason: fmt.Sprintf("%s is before the credit's issue on %s", on, lc.IssueDate)}}
	}
	lc.record(Advised{By: by, On: on})
	return nil
}

// Accept the advised credit: the beneficiary agrees to its terms. A zero date repeats an
// acceptance already given and is otherwise invalid.
func (lc *LetterOfCredit) Accept(on Date) error {
	if !lc.AcceptedOn.IsZero() && (on.IsZero() || lc.AcceptedOn == on) {
		return nil // a retried acceptance: nothing new
	}
	if lc.Status != StatusAdvised {
		return fmt.Errorf("accept: %w (%s)", ErrInvalidState, lc.Status)
	}
	if on.IsZero() {
		return InvalidFields{{Field: "acceptedOn", Reason: "required: the date of the acceptance"}}
	}
	if on.Before(lc.AdvisedOn) {
		return InvalidFields{{Field: "acceptedOn", Reason: fmt.Sprintf("%s is before the advice on %s", on, lc.AdvisedOn)}}
	}
	lc.record(Accepted{On: on})
	return nil
}

// available: documents may be presented and amendments proposed once the credit is issued,
// whether or not it was advised or accepted yet (the credit binds the issuing bank from issuance,
// Art. 7(b)), and again after a refusal (Art. 16).
func (lc *LetterOfCredit) available() bool {
	switch lc.Status {
	case StatusIssued, StatusAdvised, StatusAccepted, StatusRefused, StatusPartlyDrawn:
		return true
	}
	return false
}

package domain

import (
	"fmt"
)

// Disposal is what the refusing bank does with the documents (UCP 600 Art. 16(c)(iii)).
type Disposal string

const (
	HoldPendingInstructions Disposal = "HOLD"      // (a) holding the documents pending further instructions
	HoldPendingWaiver       Disposal = "NOTIFY"    // (b) holding until the applicant's waiver is received and accepted
	ReturnDocuments         Disposal = "RETURN"    // (c) returning the documents
	PreviousInstructions    Disposal = "PREVINSTR" // (d) acting in accordance with instructions previously received
)

// RefusalNotice is the single notice of Art. 16(c): that the bank refuses, every discrepancy,
// and the disposal of the documents.
type RefusalNotice struct {
	Discrepancies []Discrepancy
	Disposal      Disposal
	Date          Date
}

// ErrRefusalTooLate: Art. 16(d) — notice must be given no later than the close of the fifth
// banking day following the day of presentation; after that the bank is precluded (16(f)).
var ErrRefusalTooLate = &Error{Kind: KindRule, Msg: "refusal after the examination deadline"}

// Refuse builds the refusal notice for a discrepant examination.
func Refuse(e Examination, d Disposal, on Date) (RefusalNotice, error) {
	if e.Compliant || len(e.Discrepancies) == 0 {
		return RefusalNotice{}, errorf(KindRule, "a complying presentation must be honoured, not refused (UCP 600 Art. 15(a))")
	}
	switch d {
	case HoldPendingInstructions, HoldPendingWaiver, ReturnDocuments, PreviousInstructions:
	default:
		return RefusalNotice{}, errorf(KindRule, "disposal %q is not one of UCP 600 Art. 16(c)(iii)(a)-(d)", d)
	}
	if on.After(e.Deadline) {
		return RefusalNotice{}, fmt.Errorf("%w: notice on %s, deadline %s (UCP 600 Art. 16(d), 16(f))", ErrRefusalTooLate, on, e.Deadline)
	}
	return RefusalNotice{Discrepancies: e.Discrepancies, Disposal: d, Date: on}, nil
}

// Waiver is the applicant's waiver of the discrepancies (Art. 16(b)) and the issuing bank's
// decision on it: the bank is free to accept or not.
type Waiver struct {
	By       string
	Date     Date
	Accepted bool // the bank's decision
}

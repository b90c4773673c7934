package domain

import (
	"fmt"
	"slices"
)

// Amendments of a transferred credit (UCP 600 Art. 38(e)–(f)). The first beneficiary's request
// for transfer states whether amendments may be advised to the second beneficiary (38(e);
// Transfer.AmendmentsToSecondBeneficiary, and the MT720 says so). When they may, the
// transferring bank advises each amendment of the original credit issued after the transfer to
// the second beneficiary, who accepts or rejects it on its own: its acceptance amends the
// transferred credit, its rejection leaves the transferred credit unamended for it, whatever
// the first beneficiary answered for the original credit (38(f): with several second
// beneficiaries each on its own; a credit here is transferred once, to one). The transfer's own
// reductions (amount, unit price, expiry, shipment, period, Art. 38(g)) stand over the amended
// terms.

// TransferredAmendment is an amendment of the original credit as the second beneficiary has it.
type TransferredAmendment struct {
	Number    int // the credit's amendment (MT707 26E)
	AdvisedOn Date
	Status    string // PROPOSED (advised, awaiting its answer), ACCEPTED, REJECTED
}

// The events of a transferred credit's amendments.
type (
	// TransferredAmendmentAdvised: the transferring bank advised amendment Number to the second
	// beneficiary.
	TransferredAmendmentAdvised struct {
		Number int
		By     BIC
		On     Date
	}
	// TransferredAmendmentAnswered: the second beneficiary accepted or rejected it.
	TransferredAmendmentAnswered struct {
		Number   int
		Accepted bool
	}
)

func (TransferredAmendmentAdvised) EventName() string  { return "lc.TransferredAmendmentAdvised" }
func (TransferredAmendmentAnswered) EventName() string { return "lc.TransferredAmendmentAnswered" }

// ErrAmendmentsKeptFromSecond: the first beneficiary's transfer request did not let amendments be
// advised to the second beneficiary (Art. 38(e)).
var ErrAmendmentsKeptFromSecond = &Error{Kind: KindRule, Msg: "the first beneficiary's request for transfer keeps amendments from the second beneficiary (UCP 600 Art. 38(e))"}

// checkAmendmentsToSecond: the request for transfer says whether amendments go to the second
// beneficiary (Art. 38(e): it "must indicate").
func checkAmendmentsToSecond(tr Transfer) InvalidFields {
	if tr.AmendmentsToSecondBeneficiary == nil {
		return InvalidFields{{Field: "amendmentsToSecondBeneficiary", Reason: "required: whether amendments of the credit may be advised to the second beneficiary (UCP 600 Art. 38(e))"}}
	}
	return nil
}

// AdviseAmendmentToSecond is the transferring bank's advice, on the date, of amendment number
// of the original credit to the second beneficiary. Advised once: a retry changes nothing.
func (lc *LetterOfCredit) AdviseAmendmentToSecond(number int, by BIC, on Date) error {
	tr := lc.Transfer
	switch {
	case tr == nil || tr.Status != TransferTransferred:
		return fmt.Errorf("advise amendment: %w: the credit is not transferred", ErrInvalidState)
	case by != lc.Terms.TransferringBank():
		return fmt.Errorf("advise amendment: %w: %s is not the transferring bank %s (UCP 600 Art. 38(b))", ErrNotAdvisingBank, by, lc.Terms.TransferringBank())
	case tr.AmendmentsToSecondBeneficiary == nil || !*tr.AmendmentsToSecondBeneficiary:
		return ErrAmendmentsKeptFromSecond
	case slices.ContainsFunc(tr.Amendments, func(a TransferredAmendment) bool { return a.Number == number }):
		return nil // a retry
	case number < 1 || number > len(lc.Amendments) || number <= tr.AmendmentsAtTransfer:
		return errorf(KindNotFound, "no amendment %d of the credit issued since its transfer", number)
	case lc.Amendments[number-1].Status == StateRequested || lc.Amendments[number-1].Status == StateDeclined:
		return fmt.Errorf("advise amendment: %w: amendment %d was not issued (%s)", ErrInvalidState, number, lc.Amendments[number-1].Status)
	case on.IsZero():
		return InvalidFields{{Field: "advisedOn", Reason: "required: the date of the advice"}}
	case on.Before(tr.TransferredOn):
		return InvalidFields{{Field: "advisedOn", Reason: fmt.Sprintf("%s is before the transfer on %s", on, tr.TransferredOn)}}
	}
	lc.record(TransferredAmendmentAdvised{Number: number, By: by, On: on})
	return nil
}

// AnswerTransferredAmendment is the second beneficiary's acceptance or rejection of an amendment
// advised to it, on its own (Art. 38(f)); the same answer again changes nothing.
func (lc *LetterOfCredit) AnswerTransferredAmendment(number int, accepted bool) error {
	tr := lc.Transfer
	if tr == nil {
		return fmt.Errorf("answer amendment: %w: the credit is not transferred", ErrInvalidState)
	}
	i := slices.IndexFunc(tr.Amendments, func(a TransferredAmendment) bool { return a.Number == number })
	if i < 0 {
		return errorf(KindNotFound, "amendment %d was not advised to the second beneficiary", number)
	}
	want := map[bool]string{true: StateAccepted, false: StateRejected}[accepted]
	switch s := tr.Amendments[i].Status; {
	case s == want:
		return nil // a retry
	case s != StateProposed:
		return fmt.Errorf("answer amendment: %w: the second beneficiary answered amendment %d already (%s)", ErrInvalidState, number, s)
	case !lc.available():
		return fmt.Errorf("answer amendment: %w (%s)", ErrInvalidState, lc.Status)
	}
	lc.record(TransferredAmendmentAnswered{Number: number, Accepted: accepted})
	return nil
}

func (lc *LetterOfCredit) applyTransferredAmendment(e Event) {
	tr := lc.Transfer
	switch e := e.(type) {
	case TransferredAmendmentAdvised:
		tr.Amendments = append(tr.Amendments, TransferredAmendment{Number: e.Number, AdvisedOn: e.On, Status: StateProposed})
	case TransferredAmendmentAnswered:
		for i := range tr.Amendments {
			if a := &tr.Amendments[i]; a.Number == e.Number {
				a.Status = map[bool]string{true: StateAccepted, false: StateRejected}[e.Accepted]
				if e.Accepted {
					base := lc.Amendments[e.Number-1].amend(tr.terms(lc))
					tr.Base = &base
				}
			}
		}
	}
}

// terms are the original credit's terms the transferred credit stands on: those at its transfer
// amended by what the second beneficiary accepted since (Base), or the credit's own before the
// transfer.
func (tr *Transfer) terms(lc *LetterOfCredit) Terms {
	if tr.Base != nil {
		return *tr.Base
	}
	return lc.Terms
}

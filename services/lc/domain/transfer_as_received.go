package domain

import (
	"fmt"
	"slices"
	"time"
)

// UCP 600 Art. 38(i): when the first beneficiary is to substitute its own invoice (and draft)
// for the second beneficiary's but fails to do so on first demand, the transferring bank has
// the right to present the documents as received from the second beneficiary to the issuing
// bank, without further responsibility to the first beneficiary. The demand is the
// transferring bank's act, recorded; only after it, and while the first beneficiary has not
// substituted, may the bank present as received. The second beneficiary is then paid what its
// own invoice claims and the first beneficiary nothing (Payees).

// The events of Art. 38(i).
type (
	// SubstitutionDemanded: the transferring bank demanded that the first beneficiary substitute
	// its invoice in presentation PresentationID (the first demand of Art. 38(i)).
	SubstitutionDemanded struct {
		PresentationID string
		By             BIC
		On             Date
	}
	// PresentedAsReceived: the first beneficiary failed to substitute on that demand, and the
	// transferring bank presented the second beneficiary's documents as received.
	PresentedAsReceived struct {
		PresentationID string
		By             BIC
	}
)

func (SubstitutionDemanded) EventName() string { return "lc.SubstitutionDemanded" }
func (PresentedAsReceived) EventName() string  { return "lc.PresentedAsReceived" }

// ErrNoSubstitutionDemand: the transferring bank presents as received only once it demanded the
// substitution and the first beneficiary failed it.
var ErrNoSubstitutionDemand = &Error{Kind: KindRule, Msg: "the first beneficiary was not asked to substitute its invoice: the transferring bank presents the documents as received only when it fails to on first demand (UCP 600 Art. 38(i))"}

// transferredPresentation is the second beneficiary's presentation id awaiting the first
// beneficiary's invoice, for the transferring bank by: neither substituted nor presented as
// received yet (done reports a retry of the step that ended its wait).
func (lc *LetterOfCredit) transferredPresentation(step, id string, by BIC) (*TransferredPresentation, error) {
	tr := lc.Transfer
	switch {
	case tr == nil || tr.Status != TransferTransferred:
		return nil, fmt.Errorf("%s: %w: the credit is not transferred", step, ErrInvalidState)
	case by != lc.Terms.TransferringBank():
		return nil, fmt.Errorf("%s: %w: %s is not the transferring bank %s (UCP 600 Art. 38(b))", step, ErrNotAdvisingBank, by, lc.Terms.TransferringBank())
	}
	i := slices.IndexFunc(tr.Presentations, func(x TransferredPresentation) bool { return x.ID == id })
	if i < 0 {
		return nil, errorf(KindNotFound, "the second beneficiary made no presentation %s", id)
	}
	return &tr.Presentations[i], nil
}

// DemandSubstitution is the transferring bank's demand, on the date, that the first beneficiary
// substitute its invoice in presentation id. Made once: a repeated demand changes nothing.
func (lc *LetterOfCredit) DemandSubstitution(id string, by BIC, on Date) error {
	x, err := lc.transferredPresentation("demand substitution", id, by)
	if err != nil {
		return err
	}
	switch {
	case !x.DemandedOn.IsZero():
		return nil // the first demand stands; a retry
	case x.Substituted || x.AsReceived:
		return fmt.Errorf("demand substitution: %w: presentation %s went on to the issuing bank already", ErrInvalidState, id)
	case on.IsZero():
		return InvalidFields{{Field: "demandedOn", Reason: "required: the date of the demand"}}
	case on.Before(x.Presentation.Date):
		return InvalidFields{{Field: "demandedOn", Reason: fmt.Sprintf("%s is before the second beneficiary's presentation on %s", on, x.Presentation.Date)}}
	}
	lc.record(SubstitutionDemanded{PresentationID: id, By: by, On: on})
	return nil
}

// PresentAsReceived is the transferring bank's presentation, at instant at, of the second
// beneficiary's documents as received (its invoice unchanged) to the issuing bank, whose
// examiner decides on them as on any presentation (Present). Only after the first demand, and
// on a later banking day of the transferring bank than the demand: the first beneficiary has
// had the demand's day to substitute.
func (lc *LetterOfCredit) PresentAsReceived(id string, by BIC, at time.Time, pol Policy, reg RegisteredDocuments) (Examination, error) {
	x, err := lc.transferredPresentation("present as received", id, by)
	if err != nil {
		return Examination{}, err
	}
	switch {
	case x.AsReceived:
		return lc.Present(id, Presentation{}, at, pol, reg) // a retry: the credit's presentation answers
	case x.Substituted:
		return Examination{}, fmt.Errorf("present as received: %w: the first beneficiary substituted its invoice in %s", ErrInvalidState, id)
	case x.DemandedOn.IsZero():
		return Examination{}, ErrNoSubstitutionDemand
	}
	if today := pol.Calendars.ofBank(by, lc.Terms).DateAt(at); !today.After(x.DemandedOn) {
		return Examination{}, errorf(KindRule, "present as received: the first beneficiary has until the end of %s, the day of the demand, to substitute its invoice (UCP 600 Art. 38(i))", x.DemandedOn)
	}
	p := x.Presentation
	lc.record(PresentedAsReceived{PresentationID: id, By: by})
	return lc.Present(id, p, at, pol, reg)
}

func (lc *LetterOfCredit) applyTransferAsReceived(e Event) {
	for i := range lc.Transfer.Presentations {
		x := &lc.Transfer.Presentations[i]
		switch e := e.(type) {
		case SubstitutionDemanded:
			if x.ID == e.PresentationID {
				x.DemandedOn = e.On
			}
		case PresentedAsReceived:
			if x.ID == e.PresentationID {
				x.AsReceived = true
			}
		}
	}
}

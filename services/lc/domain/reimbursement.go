package domain

import (
	"fmt"

	"github.com/tradefin/tradefin/events/money"
)

// Reimbursement: a confirming bank that honoured a complying presentation is reimbursed by the
// issuing bank (UCP 600 Art. 7(c), 8(c)), or by the reimbursing bank the credit names (MT700
// 53a), on the issuing bank's reimbursement authorisation (MT740) and the claim (MT742) under
// the ICC's Uniform Rules for Bank-to-Bank Reimbursements (URR 725).

// ReimbursementClaimed: the confirming bank claimed reimbursement of an honoured presentation.
type ReimbursementClaimed struct {
	Claim ReimbursementClaim
}

func (ReimbursementClaimed) EventName() string { return "lc.ReimbursementClaimed" }

// ReimbursementClaim is a claim of the confirming bank on the bank that reimburses it.
type ReimbursementClaim struct {
	PresentationID string
	Amount         money.Money // what it paid the beneficiary: the honoured amount
	By             BIC         // the claiming (confirming) bank
	On             Date
	// From is the bank the claim is made on: the reimbursing bank (53a) when the credit names
	// one, else the issuing bank.
	From BIC
}

// ClaimReimbursement is the confirming bank's claim for the presentation it honoured (Art.
// 8(c)). Only a presentation the confirming bank itself honoured is reimbursed to it; a claim
// repeated for the same presentation is a retry and changes nothing.
func (lc *LetterOfCredit) ClaimReimbursement(by BIC, presentationID string, on Date) error {
	if lc.Confirmation == nil {
		return errorf(KindRule, "claim reimbursement: the credit is not confirmed; the issuing bank honoured and pays itself (UCP 600 Art. 7)")
	}
	if by != lc.Confirmation.By {
		return fmt.Errorf("claim reimbursement: %w: %s is not the confirming bank %s", ErrNotConfirmingBank, by, lc.Confirmation.By)
	}
	for _, c := range lc.Reimbursements {
		if c.PresentationID == presentationID {
			return nil // a retried claim
		}
	}
	p := lc.PresentationByID(presentationID)
	switch {
	case p == nil:
		return InvalidFields{{Field: "presentationId", Reason: fmt.Sprintf("no presentation %s under this credit", presentationID)}}
	case !p.Honoured || p.HonouredBy != by:
		return fmt.Errorf("claim reimbursement: %w: presentation %s was not honoured by the confirming bank (Art. 8(c) reimburses only what it honoured)", ErrInvalidState, presentationID)
	case on.IsZero():
		return InvalidFields{{Field: "claimedOn", Reason: "required: the date of the claim"}}
	case on.Before(p.HonouredOn):
		return InvalidFields{{Field: "claimedOn", Reason: fmt.Sprintf("%s is before the honour on %s", on, p.HonouredOn)}}
	}
	from := lc.Terms.ReimbursingBank
	if from == "" {
		from = lc.Terms.IssuingBank
	}
	lc.record(ReimbursementClaimed{Claim: ReimbursementClaim{PresentationID: presentationID, Amount: lc.DrawingAmount(presentationID), By: by, On: on, From: from}})
	return nil
}

// PresentationByID is the examined presentation of that ID (nil: none).
func (lc *LetterOfCredit) PresentationByID(id string) *ExaminedPresentation {
	return lc.findPresentation(id)
}

func (lc *LetterOfCredit) applyReimbursementClaimed(e ReimbursementClaimed) {
	lc.Reimbursements = append(lc.Reimbursements, e.Claim)
}

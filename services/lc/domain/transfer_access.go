package domain

import "github.com/tradefin/tradefin/events/identity"

// The transfer's actions (UCP 600 Art. 38).
const (
	ActRequestTransfer    Action = "request-transfer"    // the first beneficiary asks for the transfer
	ActTransfer           Action = "transfer"            // the transferring bank transfers (MT720)
	ActReadTransferred    Action = "read-transferred"    // the transferred credit: its parties and the second beneficiary
	ActPresentTransferred Action = "present-transferred" // the second beneficiary presents under it
	ActSubstitute         Action = "substitute"          // the first beneficiary substitutes its invoice (Art. 38(h))
	// The transferring bank's steps when the first beneficiary fails to substitute (Art. 38(i)).
	ActDemandSubstitution Action = "demand-substitution"
	ActPresentAsReceived  Action = "present-as-received"
	// Amendments of the transferred credit (Art. 38(e)-(f)): the transferring bank advises, the
	// second beneficiary answers.
	ActAdviseAmendmentToSecond    Action = "advise-amendment-to-second"
	ActAnswerTransferredAmendment Action = "answer-transferred-amendment"
)

// isSecondBeneficiary: a is a trader of the second beneficiary of lc's transfer, once transferred.
func isSecondBeneficiary(a identity.Actor, lc *LetterOfCredit) bool {
	tr := lc.Transfer
	return tr != nil && tr.Status == TransferTransferred && a.Is(identity.Trader, tr.SecondBeneficiary.ID)
}

// authorizeSecondBeneficiary: the second beneficiary reads the transferred credit and presents
// under it, and nothing else: the original credit's terms (the first beneficiary's price and
// the applicant) are not its business (UCP 600 Art. 38(g)).
func authorizeSecondBeneficiary(act Action) error {
	switch act {
	case ActReadTransferred, ActPresentTransferred, ActAnswerTransferredAmendment:
		return nil
	}
	return Forbid("the second beneficiary reads the transferred credit, presents under it and answers its amendments, nothing else (UCP 600 Art. 38)")
}

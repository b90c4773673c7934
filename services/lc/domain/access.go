package domain

import (
	"errors"

	"github.com/tradefin/tradefin/events/identity"
)

// Action is what a caller asks to do to a credit.
type Action string

const (
	ActApply        Action = "apply"         // the applicant applies (MT700 50)
	ActRead         Action = "read"          // any party of the credit, or the auditor
	ActIssue        Action = "issue"         // the issuing bank issues (MT700)
	ActApproveIssue Action = "approve-issue" // a second user of the issuing bank (four eyes)
	ActAdvise       Action = "advise"        // the advising bank advises (UCP 600 Art. 9)
	ActAccept       Action = "accept"        // the beneficiary accepts the terms
	ActAmend        Action = "amend"         // the issuing bank amends (MT707, Art. 10(a))
	ActAnswerAmend  Action = "answer-amend"  // the beneficiary consents or rejects (Art. 10(c))
	ActRequestAmend Action = "request-amend" // the applicant asks the issuing bank to amend
	ActAdviseAmend  Action = "advise-amend"  // the advising bank advises an amendment (Art. 9(d))
	ActPresent      Action = "present"       // the beneficiary presents documents (Art. 15)
	ActWaive        Action = "waive"         // the applicant waives discrepancies (Art. 16(b))
	ActDecideWaiver Action = "decide-waiver" // the issuing bank accepts or rejects the waiver
	ActPreExamine   Action = "pre-examine"   // a stateless check of terms and documents
	ActCancel       Action = "cancel"        // the issuing bank proposes to cancel (Art. 10(a))
	ActAnswerCancel Action = "answer-cancel" // the beneficiary consents to the cancellation or not (Art. 10(a))
	ActExpire       Action = "expire"        // the trade workflow, when the presentable-until instant passed (Art. 6(d)(i))
	ActExamine      Action = "examine"       // the issuing bank's examiner decides on a presentation (Art. 14, 16)
	ActPassDeadline Action = "pass-deadline" // the trade workflow, when an examination deadline passed (Art. 16(f))
	// The confirming bank's (confirmation.go): it confirms (Art. 8(b)) and claims reimbursement (Art. 8(c)).
	ActConfirm            Action = "confirm"
	ActClaimReimbursement Action = "claim-reimbursement"
	ActDiscount           Action = "discount" // the nominated bank prepays an undertaking (discount.go, Art. 12(b))
)

// ErrNotVisible: the credit is not the caller's to see. The API answers it as "not found", so
// a credit's ID cannot be probed by someone who is party to nothing.
var ErrNotVisible = errors.New("no such letter of credit")

// Authorize is the service's one authorisation rule: may actor do act to lc (for ActApply, the
// credit as applied for)? A caller who is no party of the credit gets ErrNotVisible; a party
// without the right gets a refusal naming the rule.
func Authorize(a identity.Actor, act Action, lc *LetterOfCredit) error {
	t := lc.Terms
	applicant := a.Acts(identity.Trader, t.Applicant.ID, identity.RoleTrader)
	beneficiary := a.Acts(identity.Trader, t.Beneficiary.ID, identity.RoleTrader)
	issuer := a.Acts(identity.Bank, t.IssuingBank, identity.RoleTradeOfficer)
	adviser := a.Acts(identity.Bank, t.AdvisingBank, identity.RoleTradeOfficer)
	switch act {
	case ActPreExamine:
		return nil // no credit involved: any authenticated caller may check documents
	case ActApply:
		if a.OrgKind == identity.Trader && a.Has(identity.RoleTrader) && a.Org == t.Applicant.ID {
			return nil
		}
		return Forbid("only a trader of the applicant named in terms.applicant.id applies for a credit (MT700 50)")
	case ActExpire, ActPassDeadline:
		if IsWorkflow(a) {
			return nil
		}
		if party(a, t) || a.IsAuditor() {
			return Forbid("only the trade workflow expires a credit, when its presentable-until instant has passed (UCP 600 Art. 6(d)(i))")
		}
		return ErrNotVisible
	}
	if isSecondBeneficiary(a, lc) {
		return authorizeSecondBeneficiary(act)
	}
	if !party(a, t) && !a.IsAuditor() {
		return ErrNotVisible
	}
	allowed, rule := false, ""
	switch act {
	case ActRead:
		return nil
	case ActIssue:
		allowed, rule = issuer, "only a trade officer of the issuing bank named in the credit issues it"
	case ActApproveIssue:
		allowed, rule = a.Acts(identity.Bank, t.IssuingBank, identity.RoleApprover),
			"only an approver of the issuing bank approves the issue of a credit (four eyes)"
	case ActAdvise:
		allowed, rule = adviser, "only a trade officer of the advising bank named in the credit advises it (UCP 600 Art. 9)"
	case ActAccept, ActAnswerAmend:
		allowed, rule = beneficiary, "only the beneficiary of the credit accepts its terms and answers its amendments (UCP 600 Art. 10(c))"
	case ActAmend:
		allowed, rule = issuer, "only a trade officer of the issuing bank amends the credit (UCP 600 Art. 10(a))"
	case ActRequestAmend:
		allowed, rule = applicant, "only the applicant of the credit requests its amendment from the issuing bank"
	case ActAdviseAmend:
		allowed, rule = adviser, "only a trade officer of the advising bank that advised the credit advises its amendments (UCP 600 Art. 9(d))"
	case ActRequestTransfer, ActSubstitute:
		allowed, rule = beneficiary, "only the (first) beneficiary of the credit asks for its transfer and substitutes its invoice (UCP 600 Art. 38)"
	case ActTransfer, ActDemandSubstitution, ActPresentAsReceived, ActAdviseAmendmentToSecond:
		allowed, rule = a.Acts(identity.Bank, t.TransferringBank(), identity.RoleTradeOfficer), "only a trade officer of the transferring bank transfers the credit and acts on its presentations (UCP 600 Art. 38(b), (i))"
	case ActReadTransferred:
		return nil
	case ActPresentTransferred, ActAnswerTransferredAmendment:
		rule = "only the second beneficiary presents under the transferred credit and answers its amendments (UCP 600 Art. 38)"
	case ActPresent:
		allowed, rule = beneficiary, "only the beneficiary of the credit presents documents under it"
	case ActWaive:
		allowed, rule = applicant, "only the applicant of the credit waives its discrepancies (UCP 600 Art. 16(b))"
	case ActCancel:
		allowed, rule = issuer, "only a trade officer of the issuing bank proposes to cancel the credit (UCP 600 Art. 10(a))"
	case ActAnswerCancel:
		allowed, rule = beneficiary, "only the beneficiary of the credit consents to its cancellation (UCP 600 Art. 10(a))"
	case ActExamine:
		allowed, rule = issuer || lc.Confirmation != nil && confirmer(a, lc), "only a trade officer of the issuing bank, its examiner, or of the confirming bank once it confirmed (Art. 8(a)), decides on a presentation (UCP 600 Art. 14, 16)"
	case ActDecideWaiver:
		allowed, rule = issuer, "only a trade officer of the issuing bank decides on the applicant's waiver (UCP 600 Art. 16(b))"
	case ActConfirm, ActClaimReimbursement:
		allowed, rule = confirmer(a, lc), confirmerRule
	case ActDiscount:
		allowed, rule = discounter(a, lc), discounterRule
	default:
		rule = "unknown action " + string(act)
	}
	if allowed {
		return nil
	}
	return Forbid(rule)
}

// IsWorkflow reports whether a is the trade workflow (it acts through Temporal activities, never
// through the HTTP API).
func IsWorkflow(a identity.Actor) bool {
	w := identity.Workflow
	return a.OrgKind == identity.Platform && a.Org == w.Org && a.Subject == w.Subject
}

// party: the actor's organisation is named in the credit, in whatever place.
func party(a identity.Actor, t Terms) bool {
	return a.Is(identity.Trader, t.Applicant.ID) || a.Is(identity.Trader, t.Beneficiary.ID) ||
		a.Is(identity.Bank, t.IssuingBank) || a.Is(identity.Bank, t.AdvisingBank) ||
		(t.ConfirmingBank() != "" && a.Is(identity.Bank, t.ConfirmingBank()))
}

// validOrgID bounds an organisation identifier: 1 to 35 upper-case letters and digits (an LEI is
// 20, a BIC 8 or 11, an EORI up to 17).
func validOrgID(s string) bool {
	if len(s) == 0 || len(s) > 35 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

package domain

import (
	"errors"

	"github.com/tradefin/tradefin/events/identity"
)

// Action is what an actor does to a payment.
type Action string

const (
	ActRead         Action = "read"          // the payment, its pacs.009 and its postings
	ActRelease      Action = "release"       // instruct it, or request its release above the four-eyes threshold
	ActApprove      Action = "approve"       // the checker's approval of a release above the threshold
	ActReportStatus Action = "report-status" // a pacs.002 status report
	ActCorrect      Action = "correct"       // correct a rejected payment's instruction (its creditor account)
)

// Parties is what authorisation needs to know of a payment: its banks and who acted on it.
type Parties struct {
	Debtor          string          // the issuing bank's BIC: it pays
	Creditor        string          // the advising bank's BIC: it receives for the beneficiary
	SettlementAgent string          // the settlement bank's BIC (this service's configuration)
	RaisedBy        identity.Stamp  // the honour's actor
	Maker           *identity.Stamp // who requested the release (or correction) four eyes apply to
}

// Parties returns the payment's parties, settled through settlementAgent.
func (p *Payment) Parties(settlementAgent string) Parties {
	return Parties{Debtor: p.Obligation.IssuingBank, Creditor: p.CreditorAgent(), SettlementAgent: settlementAgent,
		RaisedBy: p.RaisedBy, Maker: p.Maker}
}

// The rules, as the 403 problem names them.
const (
	RuleRelease      = "only a payments officer of the debtor (issuing) bank, or the trade workflow, releases its payment"
	RuleApprove      = "four eyes: only an approver of the debtor (issuing) bank approves the release of its payment"
	RuleNotOwn       = "four eyes: the maker of a release (or the honour's actor) cannot approve it"
	RuleReportStatus = "only a payments officer of the settlement bank or of the debtor (issuing) bank reports a payment's status (pacs.002)"
	RuleCorrect      = "only a payments officer of the debtor (issuing) bank corrects its rejected payment's instruction"
	RuleBalances     = "account balances are the settlement bank's books: only the settlement bank and the auditor read them"
)

// ErrNotVisible: the payment is not the caller's to see. The application answers a read or a
// command with it exactly as it answers one on a payment that does not exist (404), so that a
// payment ID cannot be probed by an organisation that is party to nothing.
var ErrNotVisible = errors.New("payment not visible to the caller")

// Authorize decides whether a may do act to the payment with parties p: nil, ErrNotVisible when
// a may not see the payment (any user of its debtor, creditor or settlement bank, and the auditor,
// see it), or else the refusal of a party without the right (a KindForbidden error naming the
// rule). It is the service's one place for the rule. The trade workflow reads nothing, but it
// drives every payment's release, so a command it may not give is refused naming the rule, not
// hidden from it.
func Authorize(a identity.Actor, act Action, p Parties) error {
	reader := isBank(a, p.Debtor) || isBank(a, p.Creditor) || isBank(a, p.SettlementAgent) || a.IsAuditor()
	if act == ActRead {
		if reader {
			return nil
		}
		return ErrNotVisible
	}
	if !reader && !IsWorkflow(a) {
		return ErrNotVisible
	}
	switch act {
	case ActRelease:
		if IsWorkflow(a) || (isBank(a, p.Debtor) && a.Has(identity.RolePaymentsOfficer)) {
			return nil
		}
		return forbidden(RuleRelease)
	case ActApprove:
		// Maker-checker: the checker is a second user of the paying bank. The workflow is never a
		// checker, and neither is the user who released the payment nor the one whose honour
		// raised it, whatever roles they hold.
		if !isBank(a, p.Debtor) || !a.Has(identity.RoleApprover) {
			return forbidden(RuleApprove)
		}
		if sameUser(a.Stamp(), &p.RaisedBy) || sameUser(a.Stamp(), p.Maker) {
			return forbidden(RuleNotOwn)
		}
		return nil
	case ActReportStatus:
		if (isBank(a, p.SettlementAgent) || isBank(a, p.Debtor)) && a.Has(identity.RolePaymentsOfficer) {
			return nil
		}
		return forbidden(RuleReportStatus)
	case ActCorrect:
		// A person decides what the corrected instruction credits: never the workflow.
		if isBank(a, p.Debtor) && a.Has(identity.RolePaymentsOfficer) {
			return nil
		}
		return forbidden(RuleCorrect)
	}
	return forbidden("unknown action " + string(act))
}

// AuthorizeBalances decides who reads the account balances: the settlement bank keeps the books,
// the auditor reads everything; a debtor or creditor bank sees its payments' postings on each
// payment instead.
func AuthorizeBalances(a identity.Actor, settlementAgent string) error {
	if isBank(a, settlementAgent) || a.IsAuditor() {
		return nil
	}
	return forbidden(RuleBalances)
}

// IsWorkflow reports whether a is the trade workflow (it acts through Temporal activities, never
// through the HTTP API).
func IsWorkflow(a identity.Actor) bool {
	w := identity.Workflow
	return a.OrgKind == identity.Platform && a.Org == w.Org && a.Subject == w.Subject
}

func isBank(a identity.Actor, bic string) bool {
	return a.OrgKind == identity.Bank && bic != "" && sameBIC(a.Org, bic)
}

// sameUser reports whether s is the user recorded in t (same organisation, same subject).
func sameUser(s identity.Stamp, t *identity.Stamp) bool {
	return t != nil && s.User != "" && s.User == t.User && sameBIC(s.Org, t.Org)
}

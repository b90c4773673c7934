package domain

import "fmt"

// A confirming bank must be a bank whose organisation is on the trade network, so that the
// milestones it performs (LC_CONFIRMED, HONOURED under its confirmation, REIMBURSEMENT_CLAIMED)
// are signed by it and no organisation signs for another.
//
// The trade channel has two banking organisations, by the part a bank plays in a credit: the
// issuing bank's (ImporterBankMSP) and the advising/nominated bank's (ExporterBankMSP); see
// chaincode/rules. The issuing bank cannot confirm its own credit (checkConfirmationTerms), so
// the one bank that can confirm on this network is the advising bank: MT700 58a absent or naming
// it. A third bank named in 58a has no organisation here; until today it signed through
// ExporterBankMSP, the advising bank's. We refuse such a credit at the request instead of adding
// a fourth organisation to the network: that would take crypto material, a channel update, a
// peer, a chaincode server and its lifecycle approvals, a new endorsement policy, a ledger agent,
// Kafka ACLs and directory and Hydra users for each such bank — a per-bank deployment step, not
// a code path, and on this 2-core machine a fourth peer and chaincode server add to every test
// stack's start-up (3.3–4.1 s for three today, FACTS.md) and idle memory (~80 MiB each). A
// network that adds a bank's organisation widens this rule.

// ErrConfirmerNotOnNetwork: MT700 58a names a bank with no organisation on the trade network.
var ErrConfirmerNotOnNetwork = &Error{Kind: KindRule, Msg: "the requested confirmation party has no organisation on the trade network"}

// RefusedField is a well-formed field the credit's rules refuse: the request is understood and
// refused (422 Unprocessable, naming the field), not malformed (InvalidFields, 400).
type RefusedField struct {
	FieldError
	Cause *Error // what errors.Is / KindOf find: its kind is KindRule
}

func (e *RefusedField) Error() string { return e.Field + ": " + e.Reason }
func (e *RefusedField) Unwrap() error { return e.Cause }

// checkConfirmerOnNetwork refuses a 58a naming another bank than the advising bank.
func checkConfirmerOnNetwork(t Terms) error {
	if p := t.ConfirmationParty; p != "" && p != t.AdvisingBank {
		return &RefusedField{Cause: ErrConfirmerNotOnNetwork, FieldError: FieldError{Field: "terms.requestedConfirmationParty", Reason: fmt.Sprintf(
			"MT700 58a: %s has no organisation on the trade network, whose banks sign as the issuing bank or the advising bank; only the advising bank %s can confirm here (UCP 600 Art. 8), so that every milestone is signed by the bank that performed it", p, t.AdvisingBank)}}
	}
	return nil
}

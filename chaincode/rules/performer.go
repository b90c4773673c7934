package rules

// Who commits a milestone is who performed its step. The table (rules.go) names the
// organisation that performs each on every credit; the exceptions are the steps a confirming
// bank performs in its own name under its confirmation: a presentation made to it is honoured
// by it, not by the issuing bank (UCP 600 Art. 8(a)), so its organisation commits HONOURED.
// This file is the one place that says so: the trade workflow (which organisation's agent
// signs), the ledger agents (which milestones they sign) and the verifier all ask
// CommittingOrg or MayCommit.

// ConfirmingBank is the organisation of a credit's confirming bank on the trade channel: the
// advising bank's (MT700 58a absent or naming it). The channel has no organisation for a third
// bank, and the LC service refuses a 58a naming one (services/lc/domain/confirming_bank.go), so
// no organisation ever signs for a bank it is not.
const ConfirmingBank = ExporterBank

// NominatedBank is the organisation of the bank a credit is available with (41a) when it is not
// the issuing bank: the advising bank's, the only other bank with an organisation on the
// channel. It commits what it does in its own name as nominated bank: the discount of the
// undertaking it accepted or incurred (UCP 600 Art. 12(b), discount.go).
const NominatedBank = ExporterBank

// byConfirmer are the milestones the confirming bank performs in place of the table's
// organisation, when it acts under its confirmation.
var byConfirmer = map[Type]bool{Honoured: true}

// CommittingOrg is the organisation that commits t: the confirming bank's when the step was
// the confirming bank's under its confirmation (byConfirmingBank: the event says so, e.g.
// lc.honoured.v1's honouredBy), else the table's (EntitledOrg).
func CommittingOrg(t Type, byConfirmingBank bool) string {
	if byConfirmingBank && byConfirmer[t] {
		return ConfirmingBank
	}
	return EntitledOrg(t)
}

// MayCommit reports whether org commits t on some credit: the table's organisation, or the
// confirming bank's for a step it may perform under its confirmation.
func MayCommit(t Type, org string) bool {
	return org != "" && (org == EntitledOrg(t) || byConfirmer[t] && org == ConfirmingBank)
}

// checkEntitled: org may commit next on s. The confirming bank's organisation commits a step in
// its own name only once its confirmation is on the ledger (Art. 8(b)): before that it is a
// nominated bank at most, and the honour is the issuing bank's.
func checkEntitled(next Type, s State, org string) error {
	owner := EntitledOrg(next)
	switch {
	case org == owner:
		return nil
	case byConfirmer[next] && org == ConfirmingBank && s.Has(LCConfirmed):
		return nil
	case byConfirmer[next] && org == ConfirmingBank:
		return Errorf(ErrNotEntitled, "%s may record %s only as the confirming bank, once %s is recorded (UCP 600 Art. 8(a)); until then only %s may", org, next, LCConfirmed, owner)
	case byConfirmer[next]:
		return Errorf(ErrNotEntitled, "%s may not record %s: only %s may, or %s as the confirming bank (UCP 600 Art. 8(a))", org, next, owner, ConfirmingBank)
	}
	return Errorf(ErrNotEntitled, "%s may not record %s: only %s may", org, next, owner)
}

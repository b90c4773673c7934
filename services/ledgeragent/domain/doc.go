// Package domain is the ledger agent's rule, pure: an organisation signs a milestone only when
// it stands for a real event of its own — an integration event published for that trade whose
// canonical SHA-256 (contracts.Fingerprint) is the milestone's hash, of a type that stands for
// that milestone (contracts.Milestone), committed by this organisation (the chaincode's
// rules.EntitledOrg). The milestones the trade workflow derives itself (CLOSED, and EXPIRED
// when the credit's expiry passes) are checked against the events they are derived from.
package domain

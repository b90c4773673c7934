package domain

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Stamp is who acted, as the credit's events record it.
type Stamp = identity.Stamp

// IssueRequest is an issue waiting for, or given, a second user's approval.
type IssueRequest struct {
	IssueDate  Date
	By         Stamp // the maker
	ApprovedBy Stamp // the checker, once approved
}

// ErrOwnApproval: the maker of a four-eyes action cannot be its checker.
var ErrOwnApproval = &Error{Kind: KindForbidden, Msg: "four eyes: the user who issued the credit cannot approve its own issue"}

// FourEyes is the issuing bank's maker-checker limit: a credit whose amount is above it is issued
// by one user and approved by another (money.Thresholds: per currency in minor units, else
// 1,000,000 major units).
type FourEyes = money.Thresholds

// ParseFourEyes reads "EUR:100000000,USD:100000000" (minor units per currency); empty gives the
// default of 1,000,000 major units in every currency.
func ParseFourEyes(s string) (FourEyes, error) { return money.ParseThresholds(s) }

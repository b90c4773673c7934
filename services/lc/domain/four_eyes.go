package domain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

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
var ErrOwnApproval = errors.New("four eyes: the user who issued the credit cannot approve its own issue")

// FourEyes is a bank's maker-checker limit: an amount above it needs a second user's approval.
// Limits are per currency in minor units; currencies not listed use Default major units (scaled
// by the currency's ISO 4217 exponent). Zero Default and no limits: never needed.
type FourEyes struct {
	Default int64            // major units
	Limits  map[string]int64 // currency code → minor units
}

// Needs reports whether amount is above the limit.
func (f FourEyes) Needs(amount money.Money) bool {
	if lim, ok := f.Limits[amount.Currency.Code()]; ok {
		return amount.Minor > lim
	}
	if f.Default <= 0 {
		return false
	}
	lim := f.Default
	for range amount.Currency.Exponent() {
		lim *= 10
	}
	return amount.Minor > lim
}

// ParseFourEyes reads "EUR:100000000,USD:100000000" (minor units per currency); empty gives
// the default of 1,000,000 major units in every currency.
func ParseFourEyes(s string) (FourEyes, error) {
	f := FourEyes{Default: 1_000_000, Limits: map[string]int64{}}
	if strings.TrimSpace(s) == "" {
		return f, nil
	}
	for _, part := range strings.Split(s, ",") {
		code, v, ok := strings.Cut(strings.TrimSpace(part), ":")
		c, err := money.ParseCurrency(code)
		if !ok || err != nil {
			return FourEyes{}, fmt.Errorf("four-eyes limit %q: want CURRENCY:minor-units", part)
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return FourEyes{}, fmt.Errorf("four-eyes limit %q: minor units must be a number ≥ 0", part)
		}
		f.Limits[c.Code()] = n
	}
	return f, nil
}

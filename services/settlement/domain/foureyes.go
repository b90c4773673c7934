package domain

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tradefin/tradefin/events/money"
)

// FourEyes is the maker-checker policy: a payment whose amount is above its currency's threshold
// (minor units) is released by one user of the debtor bank and approved by another.
//
// The maker is whoever requests the release: a payments officer of the debtor bank by hand, or
// the trade workflow after the honour, in which case the honour's actor (whose act raised the
// payment) stands as the human maker. The checker is a user of the debtor bank holding approver
// who is neither the maker nor the honour's actor (Authorize, ActApprove); the workflow is never a
// checker. Until the checker approves, nothing is instructed and no pacs.009 exists.
type FourEyes struct {
	PerCurrency  map[string]int64 // ISO 4217 code → threshold in minor units
	DefaultMajor int64            // for other currencies: this many major units (scaled by the exponent)
}

// DefaultFourEyesMajor is the threshold of a currency the configuration does not name: 1,000,000.00.
const DefaultFourEyesMajor = 1_000_000

// Threshold is the highest amount in c released on one pair of eyes.
func (f FourEyes) Threshold(c money.Currency) int64 {
	if t, ok := f.PerCurrency[c.Code()]; ok {
		return t
	}
	major := f.DefaultMajor
	if major <= 0 {
		major = DefaultFourEyesMajor
	}
	for range c.Exponent() {
		major *= 10
	}
	return major
}

// Needs reports whether releasing amount needs approval: strictly above the threshold.
func (f FourEyes) Needs(amount money.Money) bool { return amount.Minor > f.Threshold(amount.Currency) }

// ParseFourEyes reads "EUR:100000000,USD:100000000" (ISO 4217 code, threshold in minor units);
// "" is the default in every currency. Every bad entry is reported.
func ParseFourEyes(s string) (FourEyes, error) {
	f := FourEyes{PerCurrency: map[string]int64{}, DefaultMajor: DefaultFourEyesMajor}
	if strings.TrimSpace(s) == "" {
		return f, nil
	}
	var bad []string
	entries := strings.Split(s, ",")
	if len(entries) > 200 { // ISO 4217 has fewer active codes
		return FourEyes{}, invalid("four-eyes thresholds: %d entries, at most 200", len(entries))
	}
	for _, e := range entries {
		code, minor, ok := strings.Cut(strings.TrimSpace(e), ":")
		c, err := money.ParseCurrency(code)
		n, nerr := strconv.ParseInt(minor, 10, 64)
		switch {
		case !ok || err != nil:
			bad = append(bad, fmt.Sprintf("%q: not CCY:minor with an ISO 4217 code", e))
		case nerr != nil || n < 0:
			bad = append(bad, fmt.Sprintf("%q: threshold must be a non-negative integer of minor units", e))
		default:
			f.PerCurrency[c.Code()] = n
		}
	}
	if len(bad) > 0 {
		return FourEyes{}, invalid("four-eyes thresholds: %s", strings.Join(bad, "; "))
	}
	return f, nil
}

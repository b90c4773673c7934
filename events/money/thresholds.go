package money

import (
	"fmt"
	"strconv"
	"strings"
)

// Thresholds are amounts per currency above which something more is needed (e.g. a bank's
// four-eyes limit): PerCurrency in minor units; a currency not listed has DefaultMajor major
// units, scaled by its ISO 4217 exponent (1,000,000 is EUR 1,000,000.00 and JPY 1,000,000);
// DefaultMajor ≤ 0 means DefaultThresholdMajor.
type Thresholds struct {
	PerCurrency  map[string]int64 // ISO 4217 code → threshold in minor units
	DefaultMajor int64
}

// DefaultThresholdMajor is the threshold of a currency nothing names: 1,000,000 major units.
const DefaultThresholdMajor = 1_000_000

// Threshold is the highest amount in c that stays below the line, in minor units.
func (t Thresholds) Threshold(c Currency) int64 {
	if v, ok := t.PerCurrency[c.Code()]; ok {
		return v
	}
	major := t.DefaultMajor
	if major <= 0 {
		major = DefaultThresholdMajor
	}
	for range c.Exponent() {
		major *= 10
	}
	return major
}

// Exceeds reports whether amount is strictly above its currency's threshold.
func (t Thresholds) Exceeds(amount Money) bool { return amount.Minor > t.Threshold(amount.Currency) }

// ParseThresholds reads "EUR:100000000,USD:100000000" (ISO 4217 code, minor units); "" leaves
// every currency at the default. Every bad entry is reported.
func ParseThresholds(s string) (Thresholds, error) {
	t := Thresholds{PerCurrency: map[string]int64{}, DefaultMajor: DefaultThresholdMajor}
	if strings.TrimSpace(s) == "" {
		return t, nil
	}
	entries := strings.Split(s, ",")
	if len(entries) > 200 { // ISO 4217 has fewer active codes
		return Thresholds{}, fmt.Errorf("thresholds: %d entries, at most 200", len(entries))
	}
	var bad []string
	for _, e := range entries {
		code, minor, ok := strings.Cut(strings.TrimSpace(e), ":")
		c, err := ParseCurrency(code)
		n, nerr := strconv.ParseInt(minor, 10, 64)
		switch {
		case !ok || err != nil:
			bad = append(bad, fmt.Sprintf("%q: not CCY:minor with an ISO 4217 code", e))
		case nerr != nil || n < 0:
			bad = append(bad, fmt.Sprintf("%q: threshold must be a non-negative integer of minor units", e))
		default:
			t.PerCurrency[c.Code()] = n
		}
	}
	if len(bad) > 0 {
		return Thresholds{}, fmt.Errorf("thresholds: %s", strings.Join(bad, "; "))
	}
	return t, nil
}

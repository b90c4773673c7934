package money

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
)

// Money is an amount in minor units of one currency: EUR 1,234.56 is {123456, EUR}.
type Money struct {
	Minor    int64    `json:"minor"`
	Currency Currency `json:"currency"`
}

// ErrCurrencyMismatch is returned when amounts in different currencies are combined.
var ErrCurrencyMismatch = errors.New("currency mismatch")

// New builds an amount from minor units.
func New(minor int64, c Currency) Money { return Money{Minor: minor, Currency: c} }

// Parse reads a decimal string in major units ("1234.56", "1234,56" or "1234") for currency c.
// It refuses more fraction digits than the currency has, so no amount is silently rounded.
func Parse(s string, c Currency) (Money, error) {
	if c.IsZero() {
		return Money{}, errors.New("amount: no currency")
	}
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || !digits(whole) || (frac != "" && !digits(frac)) {
		return Money{}, fmt.Errorf("amount %q: not a decimal number", s)
	}
	if len(frac) > c.exponent {
		return Money{}, fmt.Errorf("amount %q: %s has %d decimal places", s, c.code, c.exponent)
	}
	frac += strings.Repeat("0", c.exponent-len(frac))
	n, ok := new(big.Int).SetString(whole+frac, 10)
	if !ok || !n.IsInt64() {
		return Money{}, fmt.Errorf("amount %q: out of range", s)
	}
	v := n.Int64()
	if neg {
		v = -v
	}
	return Money{Minor: v, Currency: c}, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Decimal formats the amount in major units with a point: "1234.56" (EUR), "1234" (JPY).
func (m Money) Decimal() string {
	v := m.Minor
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	if m.Currency.exponent == 0 {
		return fmt.Sprintf("%s%d", sign, v)
	}
	p := int64(math.Pow10(m.Currency.exponent))
	return fmt.Sprintf("%s%d.%0*d", sign, v/p, m.Currency.exponent, v%p)
}

func (m Money) String() string { return m.Currency.code + " " + m.Decimal() }

// Add returns m+o; both must be in the same currency.
func (m Money) Add(o Money) (Money, error) {
	if m.Currency != o.Currency {
		return Money{}, fmt.Errorf("%w: %s + %s", ErrCurrencyMismatch, m.Currency, o.Currency)
	}
	s := m.Minor + o.Minor
	if (s > m.Minor) != (o.Minor > 0) {
		return Money{}, errors.New("amount overflow")
	}
	return Money{Minor: s, Currency: m.Currency}, nil
}

// Sub returns m-o; both must be in the same currency.
func (m Money) Sub(o Money) (Money, error) {
	return m.Add(Money{Minor: -o.Minor, Currency: o.Currency})
}

// Cmp compares two amounts in the same currency: -1, 0 or +1.
func (m Money) Cmp(o Money) (int, error) {
	if m.Currency != o.Currency {
		return 0, fmt.Errorf("%w: %s vs %s", ErrCurrencyMismatch, m.Currency, o.Currency)
	}
	switch {
	case m.Minor < o.Minor:
		return -1, nil
	case m.Minor > o.Minor:
		return 1, nil
	}
	return 0, nil
}

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.Minor > 0 }

// Percent returns m × pct / 100, rounded half away from zero to the minor unit
// (tolerances such as UCP 600 Art. 30 "about" ±10% and Art. 28(f)(ii) 110% cover).
func (m Money) Percent(pct int64) Money {
	n := new(big.Int).Mul(big.NewInt(m.Minor), big.NewInt(pct))
	q, r := new(big.Int).QuoRem(n, big.NewInt(100), new(big.Int))
	if r.Sign() != 0 && new(big.Int).Abs(r).Cmp(big.NewInt(50)) >= 0 {
		q.Add(q, big.NewInt(int64(n.Sign())))
	}
	return Money{Minor: q.Int64(), Currency: m.Currency}
}

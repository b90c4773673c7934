package domain

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Rate is an FX quote: one unit (major) of From buys Value units (major) of To. Value is an exact
// rational parsed from a decimal string, never a float, so the recorded rate is the applied rate.
type Rate struct {
	From, To money.Currency
	Value    *big.Rat
	Source   string    // who quoted it (e.g. "ECB reference", "dealer desk")
	AsOf     time.Time // when it was quoted
}

// ParseRate reads a positive decimal rate such as "1.0842".
func ParseRate(from, to money.Currency, decimal, source string, asOf time.Time) (Rate, error) {
	d := strings.TrimSpace(decimal)
	if strings.ContainsAny(d, "eE/") {
		return Rate{}, invalid("fx rate %q: plain decimal required", decimal)
	}
	v, ok := new(big.Rat).SetString(d)
	if !ok || v.Sign() <= 0 {
		return Rate{}, invalid("fx rate %q: not a positive decimal", decimal)
	}
	if from == to {
		return Rate{}, invalid("fx rate %s/%s: same currency", from, to)
	}
	if source == "" || asOf.IsZero() {
		return Rate{}, invalid("fx rate %s/%s: source and timestamp are required", from, to)
	}
	return Rate{From: from, To: to, Value: v, Source: source, AsOf: asOf.UTC()}, nil
}

// Decimal prints the rate exactly as a decimal (rates arrive as finite decimals).
func (r Rate) Decimal() string {
	s := r.Value.FloatString(12)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Convert converts m (in r.From) to r.To minor units, rounding half-even ("banker's rounding"):
// half-even is unbiased over many conversions, so position accounts do not drift one way, and it is
// the IEEE 754 / ISO 80000 default. The exponents of both currencies (ISO 4217) are applied exactly.
func (r Rate) Convert(m money.Money) (money.Money, error) {
	if m.Currency != r.From {
		return money.Money{}, invalid("fx: amount in %s, rate from %s", m.Currency, r.From)
	}
	// to_minor = from_minor / 10^eFrom * rate * 10^eTo
	q := new(big.Rat).SetInt64(m.Minor)
	q.Mul(q, r.Value)
	q.Mul(q, new(big.Rat).SetFrac(pow10(r.To.Exponent()), pow10(r.From.Exponent())))
	n := RoundHalfEven(q)
	if !n.IsInt64() {
		return money.Money{}, invalid("fx: %s converted overflows", m)
	}
	return money.New(n.Int64(), r.To), nil
}

// RoundHalfEven rounds q to the nearest integer, ties to even.
func RoundHalfEven(q *big.Rat) *big.Int {
	num, den := q.Num(), q.Denom()
	quo, rem := new(big.Int).QuoRem(num, den, new(big.Int)) // truncates toward zero
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	switch c := twice.Cmp(den); {
	case c > 0, c == 0 && quo.Bit(0) == 1:
		if num.Sign() < 0 {
			quo.Sub(quo, big.NewInt(1))
		} else {
			quo.Add(quo, big.NewInt(1))
		}
	}
	return quo
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

func (r Rate) String() string {
	return fmt.Sprintf("%s/%s %s (%s, %s)", r.From, r.To, r.Decimal(), r.Source, r.AsOf.Format(time.RFC3339))
}

// RateRecord is the applied FX rate as recorded with an attempt.
type RateRecord struct {
	From, To string
	Rate     string // exact decimal
	Source   string
	AsOf     time.Time
	Rounding string
}

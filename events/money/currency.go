// Package money is the shared kernel for amounts of money: an ISO 4217 currency and an integer
// count of that currency's minor units. Floats never carry money here.
package money

import (
	"fmt"

	"golang.org/x/text/currency"
)

// Currency is a validated ISO 4217 alphabetic code with its number of minor-unit digits.
type Currency struct {
	code     string
	exponent int
}

// ParseCurrency validates an ISO 4217 alphabetic code ("EUR", "JPY", "BHD").
// The minor-unit exponent comes from the ISO 4217 / CLDR table in golang.org/x/text.
func ParseCurrency(code string) (Currency, error) {
	if len(code) != 3 {
		return Currency{}, fmt.Errorf("currency %q: ISO 4217 codes have three letters", code)
	}
	u, err := currency.ParseISO(code)
	if err != nil {
		return Currency{}, fmt.Errorf("currency %q: not an ISO 4217 code", code)
	}
	// Standard rounding is ISO 4217's minor unit (JPY 0, EUR 2, BHD 3).
	scale, _ := currency.Standard.Rounding(u)
	return Currency{code: u.String(), exponent: scale}, nil
}

// MustCurrency is ParseCurrency for constants in code and tests; it panics on a bad code.
func MustCurrency(code string) Currency {
	c, err := ParseCurrency(code)
	if err != nil {
		panic(err)
	}
	return c
}

// Code is the three-letter code.
func (c Currency) Code() string { return c.code }

// Exponent is the number of minor-unit digits (2 for EUR: 1 EUR = 100 cents).
func (c Currency) Exponent() int { return c.exponent }

// IsZero reports whether c is the zero value (no currency).
func (c Currency) IsZero() bool { return c.code == "" }

func (c Currency) String() string { return c.code }

// MarshalText encodes the code, so a Currency is a plain string in JSON.
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.code), nil }

// UnmarshalText validates the code.
func (c *Currency) UnmarshalText(b []byte) error {
	v, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

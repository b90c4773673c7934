package swift

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Date6 renders a date as YYMMDD.
func Date6(t time.Time) string { return t.Format("060102") }

// ParseDate6 reads YYMMDD.
func ParseDate6(tag, s string) (time.Time, error) {
	if len(s) != 6 {
		return time.Time{}, fieldErr(tag, 0, "date %q: want YYMMDD", s)
	}
	t, err := time.Parse("060102", s)
	if err != nil {
		return time.Time{}, fieldErr(tag, 0, "date %q is not a valid YYMMDD date", s)
	}
	return t, nil
}

// Amount renders an amount SWIFT-style: digits, a mandatory decimal comma, no thousands
// separators, at most 15 characters ("123456,78", "1000,").
func Amount(m money.Money) (string, error) {
	if m.Minor < 0 {
		return "", fmt.Errorf("amount %s: SWIFT amounts are not negative", m)
	}
	s := strings.Replace(m.Decimal(), ".", ",", 1)
	if m.Currency.Exponent() == 0 {
		s += ","
	}
	if len(s) > 15 {
		// The decimals' trailing zeros may go ("1000000000000," is 1000000000000.00): an amount
		// that fits 15d so is rendered so, as ParseAmount reads it, and only one that does not
		// is refused (FuzzParseCurrencyAmount found "YUR1000000000000," read but not rendered).
		s = strings.TrimRight(s, "0") // stops at the comma or a significant decimal
	}
	if len(s) > 15 {
		return "", fmt.Errorf("amount %s: more than 15 characters", m)
	}
	return s, nil
}

// CurrencyAmount renders 32B-style "EUR123456,78".
func CurrencyAmount(m money.Money) (string, error) {
	a, err := Amount(m)
	return m.Currency.Code() + a, err
}

// ParseAmount reads a SWIFT amount in currency c: the comma is mandatory, the number of decimals
// may not exceed the currency's minor units.
func ParseAmount(tag, s string, c money.Currency) (money.Money, error) {
	if len(s) == 0 || len(s) > 15 {
		return money.Money{}, fieldErr(tag, 0, "amount %q: 1 to 15 characters", s)
	}
	whole, frac, ok := strings.Cut(s, ",")
	if !ok {
		return money.Money{}, fieldErr(tag, 0, "amount %q: the decimal comma is mandatory", s)
	}
	if whole == "" || strings.ContainsAny(frac, ",.") {
		return money.Money{}, fieldErr(tag, 0, "amount %q: want digits, a comma, digits", s)
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return money.Money{}, fieldErr(tag, 0, "amount %q: want digits, a comma, digits", s)
		}
	}
	num := whole
	if frac != "" {
		num += "." + frac
	}
	m, err := money.Parse(num, c)
	if err != nil {
		return money.Money{}, fieldErr(tag, 0, "%v", err)
	}
	return m, nil
}

// ParseCurrencyAmount reads 32B-style "EUR123456,78".
func ParseCurrencyAmount(tag, s string) (money.Money, error) {
	if len(s) < 5 {
		return money.Money{}, fieldErr(tag, 0, "%q: want a currency code and an amount", s)
	}
	c, err := money.ParseCurrency(s[:3])
	if err != nil {
		return money.Money{}, fieldErr(tag, 0, "%v", err)
	}
	return ParseAmount(tag, s[3:], c)
}

// Tolerance renders 39A "nn/nn".
func Tolerance(plus, minus int) string { return fmt.Sprintf("%02d/%02d", plus, minus) }

// ParseTolerance reads 39A "nn/nn" (each 1-2 digits).
func ParseTolerance(s string) (plus, minus int, err error) {
	p, m, ok := strings.Cut(s, "/")
	if !ok || len(p) == 0 || len(p) > 2 || len(m) == 0 || len(m) > 2 {
		return 0, 0, fieldErr("39A", 0, "%q: want nn/nn", s)
	}
	plus, err1 := strconv.Atoi(p)
	minus, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || plus < 0 || minus < 0 {
		return 0, 0, fieldErr("39A", 0, "%q: want nn/nn", s)
	}
	return plus, minus, nil
}

// Wrap splits free text into lines of at most width characters, on spaces where possible.
func Wrap(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			for len(w) > width { // a word longer than a line is cut
				if line != "" {
					out, line = append(out, line), ""
				}
				out, w = append(out, w[:width]), w[width:]
			}
			switch {
			case line == "":
				line = w
			case len(line)+1+len(w) <= width:
				line += " " + w
			default:
				out, line = append(out, line), w
			}
		}
		out = append(out, line)
	}
	return out
}

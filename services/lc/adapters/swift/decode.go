package swift

import (
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Decoded is what a field's value means beyond its text: a date, an amount, a place, a bank.
type Decoded struct {
	Date    time.Time    // 6!n dates (30, 31C, 44C ...) and the date of 31D, 32A, 33A, 34A
	Amount  *money.Money // 3!a15d amounts (32B, 33B, 34B ...) and those of 32A, 33A, 34A
	Place   string       // 31D's place of expiry
	BIC     string       // option A's identifier code
	Account string       // a party's optional first line (/D, /C, /account)
}

// Decode reads the dates, amounts and parties out of a field whose format has them; other fields
// decode to the zero Decoded. It checks what formats cannot: a real calendar date, an ISO 4217
// currency, an amount with its decimal comma and no more decimals than the currency has.
func Decode(f Field) (Decoded, error) {
	var d Decoded
	var err error
	switch fieldFormats[f.Tag] {
	case "6!n":
		d.Date, err = ParseDate6(f.Tag, f.Value)
	case "6!n29x":
		if len(f.Value) < 6 {
			return d, fieldErr(f.Tag, 0, "%q: want YYMMDD and a place", f.Value)
		}
		d.Date, err = ParseDate6(f.Tag, f.Value[:6])
		d.Place = f.Value[6:]
	case "3!a15d":
		var a money.Money
		a, err = ParseCurrencyAmount(f.Tag, f.Value)
		d.Amount = &a
	case "6!n3!a15d":
		if len(f.Value) < 11 {
			return d, fieldErr(f.Tag, 0, "%q: want YYMMDD, currency and amount", f.Value)
		}
		if d.Date, err = ParseDate6(f.Tag, f.Value[:6]); err != nil {
			return Decoded{}, err
		}
		var a money.Money
		a, err = ParseCurrencyAmount(f.Tag, f.Value[6:])
		d.Amount = &a
	case partyID + bic, bic + "$14x":
		ls := splitLines(f.Value)
		if len(ls) > 1 && strings.HasPrefix(ls[0], "/") {
			d.Account, ls = ls[0], ls[1:]
		}
		d.BIC = ls[0]
	}
	if err != nil {
		return Decoded{}, err
	}
	return d, nil
}

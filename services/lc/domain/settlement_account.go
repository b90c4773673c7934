package domain

import (
	"fmt"
	"strings"

	"github.com/tradefin/tradefin/events/money"
)

// validSettlementAccount checks the beneficiary's account the credit is paid to: an IBAN whose
// check digits hold (ISO 13616-1: the country code and check digits moved to the end, letters as
// 10..35, the number mod 97 is 1), in an ISO 4217 currency when one is given.
func validSettlementAccount(iban, currency string) error {
	if currency != "" {
		if iban == "" {
			return InvalidFields{{Field: "terms.beneficiaryAccount", Reason: "required when terms.accountCurrency is given"}}
		}
		if _, err := money.ParseCurrency(currency); err != nil {
			return InvalidFields{{Field: "terms.accountCurrency", Reason: "an ISO 4217 currency code: " + err.Error()}}
		}
	}
	if iban == "" {
		return nil
	}
	if err := validIBAN(iban); err != nil {
		return InvalidFields{{Field: "terms.beneficiaryAccount", Reason: err.Error()}}
	}
	return nil
}

func validIBAN(iban string) error {
	s := strings.ReplaceAll(iban, " ", "")
	if len(s) < 15 || len(s) > 34 || !isUpperAlpha(s[:2]) || !isDigits(s[2:4]) {
		return fmt.Errorf("IBAN %q: want a country code, two check digits and up to 30 characters (ISO 13616)", iban)
	}
	rem := 0
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A'+10)) % 97
		default:
			return fmt.Errorf("IBAN %q: %q is not a digit or capital letter", iban, r)
		}
	}
	if rem != 1 {
		return fmt.Errorf("IBAN %q: the check digits do not match (ISO 13616 mod 97)", iban)
	}
	return nil
}

func isUpperAlpha(s string) bool { return strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" }
func isDigits(s string) bool     { return strings.Trim(s, "0123456789") == "" }

package domain

import (
	"regexp"
	"strings"
)

// ISO 9362 BIC: 4 institution letters, 2 country letters, 2 location chars, optional 3 branch chars.
var bicRE = regexp.MustCompile(`^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$`)

// UETR is a UUID version 4 in lower case (SWIFT gpi, ISO 20022 UUIDv4Identifier).
var uuid4RE = regexp.MustCompile(`^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$`)

func IsBIC(s string) bool    { return bicRE.MatchString(s) }
func IsUUIDv4(s string) bool { return uuid4RE.MatchString(s) }

// An account ID is letters and digits (an IBAN or a domestic number), Max34Text; one shaped as
// an IBAN (ISO 13616: country, two check digits, up to 30 characters) must carry right check
// digits.
var (
	accountRE = regexp.MustCompile(`^[A-Za-z0-9]{1,34}$`)
	ibanRE    = regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$`)
)

// IsIBAN reports whether s is shaped as an IBAN.
func IsIBAN(s string) bool { return ibanRE.MatchString(s) }

// CheckAccount validates a creditor account given by a person (a correction).
func CheckAccount(s string) error {
	switch {
	case !accountRE.MatchString(s):
		return invalid("a creditor account is 1 to %d letters and digits", MaxAccount)
	case IsIBAN(s) && !ibanChecksumOK(s):
		return invalid("creditor account %s: IBAN check digits are wrong (ISO 13616, ISO 7064 MOD 97-10)", s)
	}
	return nil
}

// ibanChecksumOK: with the country code and check digits moved to the end and each letter read
// as the number 10..35, the IBAN is 1 mod 97 (ISO 7064 MOD 97-10), computed digit by digit.
// (go-iban, the one Go package for it, is unmaintained since 2022; the rule is these lines.)
func ibanChecksumOK(iban string) bool {
	rem := 0
	for _, r := range strings.ToUpper(iban[4:] + iban[:4]) {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		default: // A..Z, two digits
			rem = (rem*100 + int(r-'A'+10)) % 97
		}
	}
	return rem == 1
}

package domain

import (
	"math/big"
	"regexp"
	"unicode/utf8"

	"github.com/tradefin/tradefin/events/identity"
)

// Organisation is a party of the network.
type Organisation struct {
	ID   string           // BIC, LEI, customs office code, SCAC, or the auditor's registry code
	Kind identity.OrgKind // what it is; decides the form of ID and the roles its people may hold
	Name string           // legal name, shown on the login page and in ID tokens
}

const maxNameLength = 140 // ISO 20022 Max140Text, the name field of a party

// Identifier forms by kind.
var (
	bicPattern     = regexp.MustCompile(`^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$`) // ISO 9362
	leiPattern     = regexp.MustCompile(`^[A-Z0-9]{18}[0-9]{2}$`)                      // ISO 17442
	officePattern  = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{6}$`)                       // EU customs office reference (COL)
	scacPattern    = regexp.MustCompile(`^[A-Z]{2,4}$`)                                // NMFTA SCAC, as DCSA names carriers
	auditorPattern = regexp.MustCompile(`^[A-Z0-9]{2,35}$`)
)

// Validate checks the organisation's identifier against the form its kind uses.
func (o Organisation) Validate() error {
	entry := "organisation " + quote(o.ID)
	switch o.Kind {
	case identity.Bank:
		if !bicPattern.MatchString(o.ID) {
			return fieldErr(entry, "id", "a bank is identified by its BIC (ISO 9362: 8 or 11 characters)")
		}
	case identity.Trader:
		if !leiPattern.MatchString(o.ID) || !leiChecksumOK(o.ID) {
			return fieldErr(entry, "id", "a trader is identified by its LEI (ISO 17442: 20 characters, ISO 7064 MOD 97-10 check digits)")
		}
	case identity.Customs:
		if !officePattern.MatchString(o.ID) {
			return fieldErr(entry, "id", "a customs office is identified by its office code (country code and 6 characters)")
		}
	case identity.Carrier:
		if !scacPattern.MatchString(o.ID) {
			return fieldErr(entry, "id", "a carrier is identified by its SCAC (2 to 4 letters)")
		}
	case identity.Auditor:
		if !auditorPattern.MatchString(o.ID) {
			return fieldErr(entry, "id", "an auditor's code is 2 to 35 capital letters or digits")
		}
	default: // Platform is tradefin's own processes: never a party that signs in
		return fieldErr(entry, "kind", "%q is not bank, trader, customs, carrier or auditor", o.Kind)
	}
	if o.Name == "" || utf8.RuneCountInString(o.Name) > maxNameLength || !utf8.ValidString(o.Name) {
		return fieldErr(entry, "name", "1 to %d characters", maxNameLength)
	}
	return nil
}

// leiChecksumOK applies ISO 7064 MOD 97-10 as ISO 17442 prescribes: letters become 10..35, and
// the whole number modulo 97 is 1.
func leiChecksumOK(lei string) bool {
	digits := make([]byte, 0, 2*len(lei))
	for _, c := range []byte(lei) {
		if c >= 'A' && c <= 'Z' {
			n := c - 'A' + 10
			digits = append(digits, '0'+n/10, '0'+n%10)
		} else {
			digits = append(digits, c)
		}
	}
	n, ok := new(big.Int).SetString(string(digits), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func quote(s string) string {
	if len(s) > 64 {
		s = s[:64] + "…"
	}
	return `"` + s + `"`
}

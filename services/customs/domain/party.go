package domain

import (
	"math/big"
	"strings"

	"github.com/tradefin/tradefin/events/identity"
)

// Party is an organisation of the network as a resource names it: its kind and identifier
// (an LEI or EORI for a trader, an office code for customs, a SCAC for a carrier). The kind is
// part of it because identifiers of different kinds can look alike (a BIC and an office code are
// both eight characters).
type Party struct {
	Kind identity.OrgKind
	Org  string
}

// PartyOf is the organisation an actor belongs to.
func PartyOf(a identity.Actor) Party { return Party{Kind: a.OrgKind, Org: a.Org} }

const upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// validCustomsOffice: a customs office reference number, as the EU's list of customs offices
// (COL) gives it: the ISO 3166-1 alpha-2 country code and six letters or digits, e.g. PT000100.
func validCustomsOffice(field, code string) error {
	if len(code) != 8 || validCountry(field, code[:2]) != nil || strings.Trim(code[2:], upperAlnum) != "" {
		return invalid(field, "%.40q is not a customs office code (country code + 6 letters or digits, e.g. PT000100)", code)
	}
	return nil
}

// validTraderID: a trader's organisation identifier, an LEI (ISO 17442: 18 characters and two
// check digits, ISO 7064 MOD 97-10) or an EORI number (EU Regulation 952/2013 Art. 9: the
// country code and up to 15 letters or digits).
func validTraderID(field, id string) error {
	if isLEI(id) || (len(id) >= 3 && len(id) <= 17 && validCountry(field, id[:2]) == nil && strings.Trim(id[2:], upperAlnum) == "") {
		return nil
	}
	return invalid(field, "%.40q is not an LEI (ISO 17442) or an EORI number", id)
}

func isLEI(id string) bool {
	if len(id) != 20 || strings.Trim(id, upperAlnum) != "" || strings.Trim(id[18:], "0123456789") != "" {
		return false
	}
	// MOD 97-10: letters count as 10..35, the whole number mod 97 must be 1.
	var digits strings.Builder
	for _, c := range id {
		if c >= 'A' {
			digits.WriteString(big.NewInt(int64(c - 'A' + 10)).String())
		} else {
			digits.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(digits.String(), 10)
	return new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

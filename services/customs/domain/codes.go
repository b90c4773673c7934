package domain

import (
	"strings"

	"golang.org/x/text/language"
)

// validHSCode: the Harmonized System's six digits (WCO HS Convention Art. 3: chapter, heading,
// subheading), optionally followed by national digits (8 for the EU's CN, 10 for TARIC or the US
// HTS). Chapter 77 is reserved and 98–99 are national, so neither is a valid HS chapter here.
func validHSCode(code string) error {
	if n := len(code); (n != 6 && n != 8 && n != 10) || strings.Trim(code, "0123456789") != "" {
		return invalid("hsCode", "%q: want 6 HS digits, optionally 8 or 10 with national subdivisions", code)
	}
	if ch := code[:2]; ch == "00" || ch == "77" || ch > "97" {
		return invalid("hsCode", "%q: chapter %s is not an HS chapter", code, ch)
	}
	return nil
}

// validCountry: an ISO 3166-1 alpha-2 code of a country (not a grouping such as EU or 419).
func validCountry(field, code string) error {
	r, err := language.ParseRegion(code)
	if err != nil || len(code) != 2 || !r.IsCountry() || strings.ToUpper(code) != code {
		return invalid(field, "%q is not an ISO 3166-1 alpha-2 country code", code)
	}
	return nil
}

// validLocode: a UN/LOCODE (UNECE Recommendation 16): the country's alpha-2 code and three
// letters or digits 2–9 naming the place, e.g. PTLIS, SEGOT.
func validLocode(field, code string) error {
	if len(code) != 5 || validCountry(field, code[:2]) != nil || strings.Trim(code[2:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789") != "" {
		return invalid(field, "%q is not a UN/LOCODE (country code + 3 characters, e.g. PTLIS)", code)
	}
	return nil
}

package domain

import "testing"

func TestCodes(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		ok   bool
	}{
		{"HS 6 digits", validHSCode("690721"), true},
		{"HS with CN digits", validHSCode("69072100"), true},
		{"HS with TARIC digits", validHSCode("6907210090"), true},
		{"HS 7 digits", validHSCode("6907211"), false},
		{"HS letters", validHSCode("69O721"), false},
		{"HS reserved chapter 77", validHSCode("770100"), false},
		{"HS national chapter 98", validHSCode("980100"), false},
		{"country PT", validCountry("c", "PT"), true},
		{"country lower case", validCountry("c", "pt"), false},
		{"grouping EU", validCountry("c", "EU"), false},
		{"alpha-3", validCountry("c", "PRT"), false},
		{"unknown ZZ", validCountry("c", "ZZ"), false},
		{"UN/LOCODE PTLIS", validLocode("l", "PTLIS"), true},
		{"UN/LOCODE with digit", validLocode("l", "USNY2"), true},
		{"UN/LOCODE digit 1 is not used", validLocode("l", "USNY1"), false},
		{"UN/LOCODE short", validLocode("l", "PTLI"), false},
	} {
		if (c.err == nil) != c.ok {
			t.Errorf("%s: %v", c.name, c.err)
		}
	}
}

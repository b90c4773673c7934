package swift

import "strings"

// Party is a bank (or party) field with letter options: A names it by identifier code (BIC),
// B by location, D by name and address. Account is the optional first line: /D or /C (debit,
// credit) and/or an account.
type Party struct {
	Option  string   // "A", "B", "D"
	Account string   // "/D", "/12345", "/C/12345"; empty when absent
	BIC     string   // option A
	Lines   []string // option B: location; option D: name and address
}

// value renders the party as field tag+option and its value.
func (p Party) value() string {
	var ls []string
	if p.Account != "" {
		ls = append(ls, p.Account)
	}
	if p.Option == "A" {
		ls = append(ls, p.BIC)
	} else {
		ls = append(ls, p.Lines...)
	}
	return joinLines(ls)
}

// parseParty reads option letter's value; the format has been checked by Validate.
func parseParty(option, value string) Party {
	p := Party{Option: option}
	ls := splitLines(value)
	// The account line starts with '/'; a BIC or name line after it is always present except in
	// option B, whose location is optional.
	if len(ls) > 0 && strings.HasPrefix(ls[0], "/") && (len(ls) > 1 || option == "B") {
		p.Account, ls = ls[0], ls[1:]
	}
	if option == "A" && len(ls) > 0 {
		p.BIC = ls[0]
	} else {
		p.Lines = ls
	}
	return p
}

package swift

import (
	"fmt"
	"slices"
	"strings"
)

// Codes some fields must hold, as the standard's field specifications list them.
var (
	formsOfCredit   = []string{"IRREVOCABLE", "IRREVOCABLE TRANSFERABLE", "IRREVOCABLE STANDBY", "IRREVOC TRANS STANDBY"}
	applicableRules = []string{"EUCP LATEST VERSION", "EUCPURR LATEST VERSION", "ISP LATEST VERSION", "OTHR", "UCP LATEST VERSION", "UCPURR LATEST VERSION"}
	availableBy     = []string{"BY ACCEPTANCE", "BY DEF PAYMENT", "BY MIXED PYMT", "BY NEGOTIATION", "BY PAYMENT"}
	shipmentCodes   = []string{"ALLOWED", "CONDITIONAL", "NOT ALLOWED"}
	confirmations   = []string{"CONFIRM", "MAY ADD", "WITHOUT"}
	// amendmentCodes open each line group of 45B, 46B, 47B, 49M and 49N in MT707/MT708: add to,
	// delete from, or replace all of the credit's text (UCP 600 Art. 10 applies to the result).
	amendmentCodes = []string{"/ADD/", "/DELETE/", "/REPALL/"}
	disposals      = []string{"/HOLD/", "/NOTIFY/", "/PREVINST/", "/RETURN/"} // 77B, UCP 600 Art. 16(c)(iii)
)

// checkFieldRule applies the rules on a single field's content that its format cannot express:
// code words, and the reference rule of fields 20 and 21.
func checkFieldRule(mt string, f Field) error {
	v := f.Value
	first, _, _ := strings.Cut(v, "\r\n")
	switch f.Tag {
	case "20", "21":
		// Error code T26: a reference must not start or end with a slash nor contain "//".
		if strings.HasPrefix(v, "/") || strings.HasSuffix(v, "/") || strings.Contains(v, "//") {
			return fmt.Errorf("%q: a reference must not start or end with '/' nor contain '//' (error code T26)", v)
		}
	case "27":
		if v[0] > v[2] || v[0] == '0' || v[2] > '8' {
			return fmt.Errorf("%q: message number 1 to total, total at most 8", v)
		}
	case "26E":
		if strings.Trim(v, "0") == "" {
			return fmt.Errorf("%q: amendments are numbered from 1", v)
		}
	case "40A":
		return oneOf(v, formsOfCredit)
	case "40B": // line 1 the form, line 2 whether the advising bank adds its confirmation
		line2 := v[len(first)+2:]
		if err := oneOf(first, formsOfCredit[:2]); err != nil {
			return err
		}
		return oneOf(line2, []string{"ADDING OUR CONFIRMATION", "WITHOUT OUR CONFIRMATION"})
	case "40E":
		code, narrative, has := strings.Cut(v, "/")
		if err := oneOf(code, applicableRules); err != nil {
			return err
		}
		if has != (code == "OTHR") || (has && narrative == "") {
			return fmt.Errorf("%q: a narrative after '/' is given with OTHR and only with OTHR", v)
		}
	case "40F":
		return oneOf(v, []string{"URR LATEST VERSION"}) // URR 725
	case "41A", "41D":
		return oneOf(v[strings.LastIndex(v, "\r\n")+2:], availableBy)
	case "43P", "43T":
		return oneOf(v, shipmentCodes)
	case "49":
		return oneOf(v, confirmations)
	case "23S":
		return oneOf(v, []string{"CANCEL"})
	case "22A":
		return oneOf(v, []string{"ACNF", "ADVI", "ISCO", "ISSU"})
	case "71A":
		return oneOf(v, []string{"CLM", "OUR"})
	case "71N":
		if err := oneOf(first, []string{"APPL", "BENE", "OTHR"}); err != nil {
			return err
		}
		if (first == "OTHR") != (len(v) > len(first)) {
			return fmt.Errorf("a narrative follows OTHR and only OTHR")
		}
	case "77B":
		if !hasCodePrefix(first, disposals) {
			return fmt.Errorf("%q: the first line starts with one of %s", first, strings.Join(disposals, ", "))
		}
	case "23":
		if mt == "752" {
			return oneOf(v, []string{"ACCEPT", "DEBIT", "NEGOTIATE", "REIMBURSE", "REMITTED", "SEE72"})
		}
	case "45B", "46B", "47B", "49M", "49N":
		if !hasCodePrefix(first, amendmentCodes) {
			return fmt.Errorf("%q: an amendment of the text starts with one of %s", clip(first), strings.Join(amendmentCodes, ", "))
		}
	}
	return nil
}

func oneOf(v string, codes []string) error {
	if slices.Contains(codes, v) {
		return nil
	}
	return fmt.Errorf("%q is not one of the codes %s", clip(v), strings.Join(codes, ", "))
}

func hasCodePrefix(line string, codes []string) bool {
	return slices.ContainsFunc(codes, func(c string) bool { return strings.HasPrefix(line, c) })
}

// rule is one network validated rule (the standard's C rules) relating fields of a message.
// check returns the index of the field that breaks it (the later of those involved, so the error
// is found in message order; -1 when the defect is an absence) and why.
type rule struct {
	code  string // SWIFT error code, e.g. "D06"; "" when not known here
	check func(m *Message) (int, string, bool)
	usage bool // a usage rule of the standard, which the network does not check but a receiver relies on
}

// networkRules are the network validated rules this package enforces, per message type. Error
// codes are SWIFT's where the rule's code is known here ("" otherwise).
var networkRules = map[string][]rule{
	"700": {draftsWithDrawee(), oneWayToPay(), shipmentDateOrPeriod(), confirmationParty()},
	"705": {shipmentDateOrPeriod()},
	"707": {notBoth("C06", "52a", "50B"), notBoth("", "32B", "33B"), shipmentDateOrPeriod()},
	"710": {draftsWithDrawee(), oneWayToPay(), shipmentDateOrPeriod(), oneOfBoth("C06", "52a", "50B"), confirmationParty()},
	"720": {draftsWithDrawee(), oneWayToPay(), shipmentDateOrPeriod(), notBoth("C06", "52a", "50B")},
	"734": {requires("", "73A", "33a"), sameCurrency("32A", "33a")},
	"740": {notBoth("", "58a", "59"), draftsWithDrawee(), oneWayToPay()},
	"742": {sameCurrency("32B", "33B", "34a")},
	"747": {atLeastOne("", "31E", "32B", "33B", "34B", "39A", "39C", "72Z", "77"), notBoth("", "32B", "33B"),
		requires("", "32B", "34B"), requires("", "33B", "34B"), sameCurrency("32B", "33B", "34B")},
	"750": {requires("", "33B", "34B"), requires("", "71D", "34B"), requires("", "73A", "34B"), sameCurrency("32B", "33B", "34B")},
	"752": {sameCurrency("32B", "33a")},
	"754": {notBoth("", "72Z", "77"), notBoth("", "53a", "57a"), sameCurrency("32a", "33B", "34a")},
	"756": {sameCurrency("32B", "33A")},
}

// checkRules applies the message type's network validated rules, reporting the one broken
// earliest in the message.
func checkRules(m *Message) error {
	best, bestIdx := "", len(m.Fields)+1
	for _, r := range networkRules[m.Type] {
		i, reason, ok := r.check(m)
		if ok {
			continue
		}
		if i < 0 {
			i = len(m.Fields)
		}
		if i < bestIdx {
			kind := "network validated rule"
			if r.usage {
				kind = "usage rule"
			}
			best, bestIdx = fmt.Sprintf("%s (MT%s %s", reason, m.Type, kind), i
			if r.code != "" {
				best += ", error code " + r.code
			}
			best += ")"
		}
	}
	if best == "" {
		return nil
	}
	if bestIdx >= len(m.Fields) {
		return &ParseError{Reason: best}
	}
	return fieldErr(m.Fields[bestIdx].Tag, lineOf(m, bestIdx), "%s", best)
}

// find returns the index of the field a tag names ("42a": any option), or -1.
func find(m *Message, tag string) int {
	return slices.IndexFunc(m.Fields, func(f Field) bool {
		if strings.HasSuffix(tag, "a") {
			return len(f.Tag) == 3 && f.Tag[:2] == tag[:2] && f.Tag[2] >= 'A' && f.Tag[2] <= 'Z' && !strings.ContainsRune("CMP", rune(f.Tag[2]))
		}
		return f.Tag == tag
	})
}

// lineOf is the first line of field i within block 4.
func lineOf(m *Message, i int) int {
	line := 1
	for _, f := range m.Fields[:i] {
		line += strings.Count(f.Value, "\r\n") + 1
	}
	return line
}

func notBoth(code, a, b string) rule {
	return rule{code: code, check: func(m *Message) (int, string, bool) {
		i, j := find(m, a), find(m, b)
		return max(i, j), fmt.Sprintf("fields %s and %s exclude each other", a, b), i < 0 || j < 0
	}}
}

func oneOfBoth(code, a, b string) rule {
	return rule{code: code, check: func(m *Message) (int, string, bool) {
		i, j := find(m, a), find(m, b)
		if i < 0 && j < 0 {
			return -1, fmt.Sprintf("one of fields %s and %s must be present", a, b), false
		}
		return max(i, j), fmt.Sprintf("fields %s and %s exclude each other", a, b), i < 0 || j < 0
	}}
}

func requires(code, present, needed string) rule {
	return rule{code: code, check: func(m *Message) (int, string, bool) {
		i := find(m, present)
		return i, fmt.Sprintf("field %s requires field %s", present, needed), i < 0 || find(m, needed) >= 0
	}}
}

func atLeastOne(code string, tags ...string) rule {
	return rule{code: code, check: func(m *Message) (int, string, bool) {
		return -1, "at least one of fields " + strings.Join(tags, ", ") + " must be present",
			slices.ContainsFunc(tags, func(t string) bool { return find(m, t) >= 0 })
	}}
}

// draftsWithDrawee: when used, 42C (drafts at) and 42a (drawee) are both present (error C90).
func draftsWithDrawee() rule {
	return rule{code: "C90", check: func(m *Message) (int, string, bool) {
		c, a := find(m, "42C"), find(m, "42a")
		if (c < 0) == (a < 0) {
			return 0, "", true
		}
		if c < 0 {
			return a, "field 42a (drawee) needs field 42C (drafts at)", false
		}
		return c, "field 42C (drafts at) needs field 42a (drawee)", false
	}}
}

// oneWayToPay: drafts (42C with 42a), or mixed payment details (42M) alone, or deferred payment
// details (42P) alone; no other combination (error C90).
func oneWayToPay() rule {
	return rule{code: "C90", check: func(m *Message) (int, string, bool) {
		var present []int
		for _, t := range []string{"42C", "42M", "42P"} {
			if i := find(m, t); i >= 0 {
				present = append(present, i)
			}
		}
		if len(present) < 2 {
			return 0, "", true
		}
		slices.Sort(present)
		return present[1], "drafts (42C, 42a), mixed payment (42M) and deferred payment (42P) exclude each other", false
	}}
}

// shipmentDateOrPeriod: either 44C (latest date of shipment) or 44D (shipment period), not both
// (error D06).
func shipmentDateOrPeriod() rule { return notBoth("D06", "44C", "44D") }

// confirmationParty: 58a is present when 49 is CONFIRM or MAY ADD, and names nobody when it is
// WITHOUT (the field's usage rule; UCP 600 Art. 8 makes that bank's confirmation an undertaking).
func confirmationParty() rule {
	return rule{code: "", check: func(m *Message) (int, string, bool) {
		i, p := find(m, "49"), find(m, "58a")
		if i < 0 {
			return 0, "", true
		}
		asks := m.Fields[i].Value != "WITHOUT"
		switch {
		case asks && p < 0:
			return i, fmt.Sprintf("confirmation instruction %s needs the requested confirmation party (58a)", m.Fields[i].Value), false
		case !asks && p >= 0:
			return p, "a requested confirmation party (58a) with confirmation instruction WITHOUT", false
		}
		return 0, "", true
	}, usage: true}
}

// sameCurrency: the amount fields of a message are in one currency (error C02).
func sameCurrency(tags ...string) rule {
	return rule{code: "C02", check: func(m *Message) (int, string, bool) {
		ccy, first := "", ""
		for i, f := range m.Fields {
			if !slices.ContainsFunc(tags, func(t string) bool { return find(m, t) == i }) {
				continue
			}
			d, err := Decode(f)
			if err != nil || d.Amount == nil {
				continue
			}
			c := d.Amount.Currency.Code()
			if ccy == "" {
				ccy, first = c, f.Tag
			} else if c != ccy {
				return i, fmt.Sprintf("currency %s differs from %s in field %s", c, ccy, first), false
			}
		}
		return 0, "", true
	}}
}

package domain

import "strings"

// A bank's place is where it is regularly open (UCP 600 Art. 2, banking day): the time limits of
// the acts it performs — receiving a presentation, examining it within five banking days (Art.
// 14(b)), refusing (Art. 16(d)) — run on that place's calendar, not on the place of expiry's.
// The bank names its own and its correspondents' places in its configuration (adapters/calendars).

// AddBank records that the bank bic is at the place of c.
func (cs *Calendars) AddBank(bic string, c Calendar) {
	if cs.byBank == nil {
		cs.byBank = map[string]Calendar{}
	}
	cs.byBank[bankKey(bic)] = c
}

// ForBank returns the calendar of the place of the bank bic (a BIC8 or BIC11; its branch code
// does not matter when the bank is configured by its BIC8).
func (cs Calendars) ForBank(bic string) (Calendar, bool) {
	k := bankKey(bic)
	if c, ok := cs.byBank[k]; ok {
		return c, true
	}
	if len(k) == 11 {
		c, ok := cs.byBank[k[:8]]
		return c, ok
	}
	return Calendar{}, false
}

// ofBank is the calendar a bank's acts under a credit run on: its place's, or, for a bank the
// configuration does not place, the credit's place for presentation's (Art. 6(d)(ii)).
func (cs Calendars) ofBank(bic string, t Terms) Calendar {
	if c, ok := cs.ForBank(bic); ok {
		return c
	}
	return cs.ofCredit(t)
}

func bankKey(bic string) string { return strings.ToUpper(strings.TrimSpace(bic)) }

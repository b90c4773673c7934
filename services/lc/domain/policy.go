package domain

import (
	"fmt"
	"sort"
	"strings"
)

// Calendars are the banking calendars of the places a credit may expire at (MT700 31D): the
// issuing bank's setting. A place is named as in the terms, compared without case or
// surrounding spaces.
type Calendars struct {
	byPlace map[string]Calendar
	byBank  map[string]Calendar // by BIC: the place each bank acts at (bank_calendar.go)
}

// NewCalendars is the directory of cs, by each calendar's place.
func NewCalendars(cs ...Calendar) Calendars {
	d := Calendars{byPlace: make(map[string]Calendar, len(cs))}
	for _, c := range cs {
		d.byPlace[placeKey(c.place)] = c
	}
	return d
}

// For returns the calendar of place.
func (cs Calendars) For(place string) (Calendar, bool) {
	c, ok := cs.byPlace[placeKey(place)]
	return c, ok
}

// Places lists the places the directory knows, sorted.
func (cs Calendars) Places() []string {
	out := make([]string, 0, len(cs.byPlace))
	for _, c := range cs.byPlace {
		out = append(out, c.place)
	}
	sort.Strings(out)
	return out
}

// ofCredit is the calendar a credit's dates run on: its place of expiry's (Art. 6(d)(ii): the
// place for presentation). A credit applied for before the place had to be known may name one
// the directory lacks: it gets the zero Calendar (UTC, Saturday and Sunday closed).
func (cs Calendars) ofCredit(t Terms) Calendar {
	c, _ := cs.For(t.ExpiryPlace)
	return c
}

func placeKey(p string) string { return strings.ToLower(strings.TrimSpace(p)) }

// DefaultDecisionDays is the applicant's decision period when the bank sets none: five banking
// days, the time Art. 14(b) gives the bank itself to examine.
const DefaultDecisionDays = 5

// MaxDecisionDays bounds the setting: a refusal does not hold a trade open for more than a
// quarter of a year.
const MaxDecisionDays = 60

// Policy is the issuing bank's settings the credit's rules use.
type Policy struct {
	Calendars Calendars
	// DecisionDays is the applicant's decision period: the banking days after a refusal (UCP 600
	// Art. 16(c)(iii)(b), documents held pending the applicant's waiver) in which the applicant
	// waives and the issuing bank decides on the waiver. After it the refusal stands: no waiver
	// is taken any more and the credit can expire. 0 means DefaultDecisionDays.
	DecisionDays int
}

// Validate checks the settings.
func (p Policy) Validate() error {
	if p.DecisionDays < 0 || p.DecisionDays > MaxDecisionDays {
		return fmt.Errorf("decision period of %d banking days: want 1 to %d", p.DecisionDays, MaxDecisionDays)
	}
	return nil
}

func (p Policy) decisionDays() int {
	if p.DecisionDays == 0 {
		return DefaultDecisionDays
	}
	return p.DecisionDays
}

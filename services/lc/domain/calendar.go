package domain

import (
	"fmt"
	"time"
)

// MaxHolidays bounds a calendar's closed days: ten years of them, far more than a place has. The
// lookup is a set, so examining against a calendar costs the same whatever its size.
const MaxHolidays = 1000

// Calendar says which days a bank at a place is open, and in which time zone its days run. UCP
// 600 Art. 2 defines a banking day as a day on which a bank is regularly open at the place where
// the act is performed.
type Calendar struct {
	place    string
	zone     *time.Location
	weekend  [7]bool
	holidays map[int64]struct{} // days since 1970-01-01
}

// NewCalendar builds the calendar of place: its time zone (nil: UTC), its weekend (none given:
// Saturday and Sunday) and its holidays (at most MaxHolidays).
func NewCalendar(place string, zone *time.Location, weekend []time.Weekday, holidays []Date) (Calendar, error) {
	if len(holidays) > MaxHolidays {
		return Calendar{}, InvalidFields{{Field: "holidays", Reason: fmt.Sprintf("%d days; a calendar has at most %d", len(holidays), MaxHolidays)}}
	}
	if zone == nil {
		zone = time.UTC
	}
	c := Calendar{place: place, zone: zone, holidays: make(map[int64]struct{}, len(holidays))}
	if len(weekend) == 0 {
		weekend = []time.Weekday{time.Saturday, time.Sunday}
	}
	for _, w := range weekend {
		if w < time.Sunday || w > time.Saturday {
			return Calendar{}, InvalidFields{{Field: "weekend", Reason: fmt.Sprintf("%d is not a day of the week", w)}}
		}
		c.weekend[w] = true
	}
	if c.weekend == [7]bool{true, true, true, true, true, true, true} {
		return Calendar{}, InvalidFields{{Field: "weekend", Reason: "a bank open on no day of the week has no banking days"}}
	}
	for _, h := range holidays {
		c.holidays[h.day()] = struct{}{}
	}
	return c, nil
}

// Place is the place whose calendar this is.
func (c Calendar) Place() string { return c.place }

// Zone is the place's time zone.
func (c Calendar) Zone() *time.Location {
	if c.zone == nil {
		return time.UTC
	}
	return c.zone
}

// IsBankingDay reports whether the bank is open on d.
func (c Calendar) IsBankingDay(d Date) bool {
	if c.holidays == nil && c.weekend == [7]bool{} { // the zero Calendar: Saturday and Sunday off
		w := d.Weekday()
		return w != time.Saturday && w != time.Sunday
	}
	if c.weekend[d.Weekday()] {
		return false
	}
	_, closed := c.holidays[d.day()]
	return !closed
}

// NextBankingDayFrom returns d if it is a banking day, else the first banking day after it. It
// ends: a calendar has a banking day each week and finitely many holidays.
func (c Calendar) NextBankingDayFrom(d Date) Date {
	for !c.IsBankingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddBankingDays returns the n-th banking day following d (d itself does not count).
func (c Calendar) AddBankingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsBankingDay(d) {
			n--
		}
	}
	return d
}

// EndOf is the instant day d ends at the place: midnight that starts the next day there, in UTC.
func (c Calendar) EndOf(d Date) time.Time {
	next := d.AddDays(1)
	return time.Date(next.t.Year(), next.t.Month(), next.t.Day(), 0, 0, 0, 0, c.Zone()).UTC()
}

// DateAt is the date at the place at instant at.
func (c Calendar) DateAt(at time.Time) Date {
	y, m, d := at.In(c.Zone()).Date()
	return NewDate(y, m, d)
}

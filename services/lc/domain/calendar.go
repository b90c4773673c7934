package domain

import "time"

// Calendar says which days a bank at a place is open. UCP 600 Art. 2 defines a banking day as
// a day on which a bank is regularly open at the place where the act is performed.
type Calendar struct {
	Place    string
	Weekend  []time.Weekday // default Saturday and Sunday
	Holidays []Date
}

func (c Calendar) weekend(w time.Weekday) bool {
	we := c.Weekend
	if len(we) == 0 {
		we = []time.Weekday{time.Saturday, time.Sunday}
	}
	for _, d := range we {
		if d == w {
			return true
		}
	}
	return false
}

// IsBankingDay reports whether the bank is open on d.
func (c Calendar) IsBankingDay(d Date) bool {
	if c.weekend(d.Weekday()) {
		return false
	}
	for _, h := range c.Holidays {
		if h == d {
			return false
		}
	}
	return true
}

// NextBankingDayFrom returns d if it is a banking day, else the first banking day after it.
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

package domain

import (
	"fmt"
	"time"
)

// BankingDaysLeft counts the banking days after today up to and including deadline: the days a
// bank still has to examine a presentation (UCP 600 Art. 14(b): a maximum of five banking days
// following the day of presentation). On the day of presentation it is 5; on the deadline 0;
// after it, negative (the banking days the deadline is past).
//
// The LC service computes the deadline on the banking calendar of the place of presentation,
// holidays included, and its API returns only the date. The portal does not know the holidays,
// so it counts the days in between with the weekend rule alone (Saturday and Sunday closed, the
// calendars' default): a holiday in between may make the count one day high, never the deadline
// wrong.
func BankingDaysLeft(today, deadline time.Time) int {
	today, deadline = dateOf(today), dateOf(deadline)
	from, to, sign := today, deadline, 1
	if deadline.Before(today) {
		from, to, sign = deadline, today, -1
	}
	n := 0
	for d := from.AddDate(0, 0, 1); !d.After(to); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			n++
		}
	}
	return sign * n
}

// ExaminationCountdown is the bank desk's line for a presentation's deadline, both dates as the
// API writes them (ISO 8601, YYYY-MM-DD); "" when either does not read as a date.
func ExaminationCountdown(today, deadline string) string {
	t, err1 := time.Parse(time.DateOnly, today)
	d, err2 := time.Parse(time.DateOnly, deadline)
	if err1 != nil || err2 != nil {
		return ""
	}
	switch n := BankingDaysLeft(t, d); {
	case n == 1:
		return "1 banking day left"
	case n > 1:
		return fmt.Sprintf("%d banking days left", n)
	case t.Equal(d):
		return "the deadline is today"
	case n == 0:
		return "the deadline has passed"
	case n == -1:
		return "the deadline passed 1 banking day ago"
	default:
		return fmt.Sprintf("the deadline passed %d banking days ago", -n)
	}
}

func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

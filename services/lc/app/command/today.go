package command

import (
	"time"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// Clock is the service's time: when a command happens, for the rules that depend on it (expiry,
// the decision period) and for a date the caller leaves out.
type Clock func() time.Time

func (c Clock) now() time.Time {
	if c == nil {
		return time.Now()
	}
	return c()
}

// today is the date in UTC.
func (c Clock) today() domain.Date {
	y, m, d := c.now().UTC().Date()
	return domain.NewDate(y, m, d)
}

// orToday is d, or today when the caller left it out.
func (c Clock) orToday(d domain.Date) domain.Date {
	if d.IsZero() {
		return c.today()
	}
	return d
}

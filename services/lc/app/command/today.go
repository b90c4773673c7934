package command

import (
	"time"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// today is the date in UTC, for a command whose caller leaves its date out.
func today() domain.Date {
	y, m, d := time.Now().UTC().Date()
	return domain.NewDate(y, m, d)
}

// orToday is d, or today when the caller left it out.
func orToday(d domain.Date) domain.Date {
	if d.IsZero() {
		return today()
	}
	return d
}

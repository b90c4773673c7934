package domain

import "testing"

func TestExaminationCountdown(t *testing.T) {
	// 2026-12-07 is a Monday: presented then, the deadline is Monday 2026-12-14 (Art. 14(b)).
	for _, c := range []struct{ today, deadline, want string }{
		{"2026-12-07", "2026-12-14", "5 banking days left"},
		{"2026-12-11", "2026-12-14", "1 banking day left"},  // Friday: the weekend does not count
		{"2026-12-12", "2026-12-14", "1 banking day left"},  // Saturday
		{"2026-12-10", "2026-12-14", "2 banking days left"}, // Thursday
		{"2026-12-14", "2026-12-14", "the deadline is today"},
		{"2026-12-15", "2026-12-14", "the deadline passed 1 banking day ago"},
		{"2026-12-21", "2026-12-14", "the deadline passed 5 banking days ago"},
		{"2026-12-20", "2026-12-19", "the deadline has passed"}, // Sunday after a Saturday date
		{"2026-12-07", "not a date", ""},
	} {
		if got := ExaminationCountdown(c.today, c.deadline); got != c.want {
			t.Errorf("ExaminationCountdown(%s, %s) = %q, want %q", c.today, c.deadline, got, c.want)
		}
	}
}

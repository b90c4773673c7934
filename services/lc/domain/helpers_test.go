package domain

import (
	"time"
)

// lisbon is the banking calendar of Lisbon in December 2026: Immaculate Conception (the 8th) and
// Christmas closed, besides weekends.
var lisbon = func() Calendar {
	zone, err := time.LoadLocation("Europe/Lisbon")
	if err != nil {
		panic(err)
	}
	c, err := NewCalendar("Lisbon", zone, nil, []Date{NewDate(2026, time.December, 8), NewDate(2026, time.December, 25)})
	if err != nil {
		panic(err)
	}
	return c
}()

var (
	cals   = NewCalendars(lisbon)
	policy = Policy{Calendars: cals}
	// presentedAt is when the tests' presentations reach the bank: during the credit's life.
	presentedAt = time.Date(2026, time.December, 9, 10, 0, 0, 0, time.UTC)
)

// present presents p at instant at, against no registered documents, and has the examiner
// decide as the automatic examination found: honour a complying presentation, else refuse it
// holding the documents pending the applicant's waiver (Art. 16(c)(iii)(b)).
func present(lc *LetterOfCredit, id string, p Presentation, at time.Time, pol Policy) (Examination, error) {
	res, err := lc.Present(id, p, at, pol, nil)
	if err != nil {
		return res, err
	}
	return res, lc.DecideExamination(id, ExaminationDecision{Honour: res.Compliant, Disposal: HoldPendingWaiver}, at, pol)
}

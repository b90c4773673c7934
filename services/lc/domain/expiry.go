package domain

import (
	"fmt"
	"time"
)

// The credit's end states besides honour.
const (
	StatusExpired   Status = "EXPIRED"   // its presentable-until instant passed unused (UCP 600 Art. 6(d)(i))
	StatusCancelled Status = "CANCELLED" // cancelled with the beneficiary's consent (Art. 10(a))
)

// Expired: the credit expired; nothing can be presented or paid under it any more.
type Expired struct{ At time.Time }

func (Expired) EventName() string { return "lc.Expired" }

// PresentableUntil is the instant a presentation under a credit expiring on expiry at the place
// of cal must be made before: the end of the expiry date, or, when the bank is closed that day,
// of the next banking day (UCP 600 Art. 6(d)(i), 6(e), 29(a)), in the place's time zone.
func PresentableUntil(expiry Date, cal Calendar) time.Time {
	return cal.EndOf(cal.NextBankingDayFrom(expiry))
}

// ExpiresAt is the credit's presentable-until instant. Credits applied for before it was
// recorded carry none: for them it is the end of the expiry date in UTC, the rule they were
// applied under.
func (lc *LetterOfCredit) ExpiresAt() time.Time {
	if lc.PresentableUntil.IsZero() {
		return Calendar{}.EndOf(lc.Terms.ExpiryDate)
	}
	return lc.PresentableUntil
}

// ErrExpired: the credit's presentable-until instant has passed (UCP 600 Art. 6(e)).
var ErrExpired = &Error{Kind: KindConflict, Msg: "the credit has expired"}

// checkNotExpired refuses what needs a live credit at instant at.
func (lc *LetterOfCredit) checkNotExpired(at time.Time) error {
	if until := lc.ExpiresAt(); !at.Before(until) {
		return fmt.Errorf("%w: presentable until %s (UCP 600 Art. 6(e), 29(a))", ErrExpired, until.Format(time.RFC3339))
	}
	return nil
}

// ExpiryOutcome is the credit's answer when asked to expire.
type ExpiryOutcome struct {
	Status           string // ExpiryExpired, ExpiryDeferred, ExpiryExtended, or the status of a credit that can no longer expire
	PresentableUntil time.Time
}

// The outcomes of Expire besides a final status.
const (
	ExpiryExpired  = "EXPIRED"
	ExpiryDeferred = "DEFERRED" // a presentation made in time is still being decided
	ExpiryExtended = "EXTENDED" // the instant has not come: an amendment moved it
)

// Expire the credit at instant at, when its presentable-until instant has passed (UCP 600 Art.
// 6(d)(i)). A credit honoured, cancelled or expired answers with its status; one whose instant
// is still ahead answers EXTENDED with it; one with a presentation pending (made in time, so
// decided first: Art. 16, and the applicant's decision period) answers DEFERRED. Asking again
// records nothing new.
func (lc *LetterOfCredit) Expire(at time.Time) ExpiryOutcome {
	until := lc.ExpiresAt()
	switch lc.Status {
	case StatusHonoured, StatusCancelled, StatusExpired:
		return ExpiryOutcome{Status: string(lc.Status), PresentableUntil: until}
	}
	if at.Before(until) {
		return ExpiryOutcome{Status: ExpiryExtended, PresentableUntil: until}
	}
	if lc.pending(at) {
		return ExpiryOutcome{Status: ExpiryDeferred, PresentableUntil: until}
	}
	lc.record(Expired{At: at})
	return ExpiryOutcome{Status: ExpiryExpired, PresentableUntil: until}
}

// pending reports whether the last presentation still awaits a decision at instant at: it has
// neither been honoured nor refused, or it was refused with the documents held for the
// applicant's waiver (Art. 16(c)(iii)(b)) and the decision period has not ended nor the waiver
// been rejected.
func (lc *LetterOfCredit) pending(at time.Time) bool {
	if len(lc.Presentations) == 0 {
		return false
	}
	p := lc.last()
	switch {
	case p.Honoured:
		return false
	case p.Refusal == nil:
		return true
	case p.WaiverRejected || p.Refusal.Disposal != HoldPendingWaiver:
		return false
	}
	return at.Before(p.DecisionUntil)
}

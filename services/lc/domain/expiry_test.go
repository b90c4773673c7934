package domain

import (
	"errors"
	"testing"
	"time"
)

func utc(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }

// TestPresentableUntilIsTheEndOfTheLastBankingDayAtThePlace: UCP 600 Art. 6(d)(i) a credit
// expires on its expiry date, and Art. 29(a) an expiry date on which the bank is closed moves
// to its next banking day; the instant is the end of that day in the place's time zone.
func TestPresentableUntilIsTheEndOfTheLastBankingDayAtThePlace(t *testing.T) {
	stockholmZone, _ := time.LoadLocation("Europe/Stockholm")
	stockholm, _ := NewCalendar("Stockholm", stockholmZone, nil, nil)
	for _, c := range []struct {
		name   string
		expiry Date
		cal    Calendar
		want   time.Time
	}{
		{"a banking day in Lisbon's winter (UTC+0)", NewDate(2026, 12, 31), lisbon, utc(2027, 1, 1, 0)},
		{"Christmas (a holiday), then the weekend: Monday the 28th", NewDate(2026, 12, 25), lisbon, utc(2026, 12, 29, 0)},
		{"a Saturday: the Monday", NewDate(2026, 12, 12), lisbon, utc(2026, 12, 15, 0)},
		{"Lisbon's summer time (UTC+1)", NewDate(2027, 7, 15), lisbon, utc(2027, 7, 15, 23)},
		{"Stockholm (UTC+1)", NewDate(2026, 12, 31), stockholm, utc(2026, 12, 31, 23)},
	} {
		if got := PresentableUntil(c.expiry, c.cal); !got.Equal(c.want) || got.Location() != time.UTC {
			t.Errorf("%s: %s, want %s", c.name, got.Format(time.RFC3339), c.want.Format(time.RFC3339))
		}
	}
}

// TestApplicationRecordsItsPresentableUntil: the instant is decided when the credit is applied
// for, on the calendar of its place of expiry, which must be known (Art. 6(d)(ii)).
func TestApplicationRecordsItsPresentableUntil(t *testing.T) {
	terms := credit()
	terms.ExpiryDate = NewDate(2026, 12, 25)
	lc, err := Apply("LC-E", "T-E", terms, cals)
	if err != nil {
		t.Fatal(err)
	}
	applied := lc.Changes()[0].(Applied)
	if want := utc(2026, 12, 29, 0); !applied.PresentableUntil.Equal(want) || !lc.PresentableUntil.Equal(want) {
		t.Fatalf("presentable until %s (event %s), want %s", lc.PresentableUntil, applied.PresentableUntil, want)
	}
	terms.ExpiryPlace = "Atlantis"
	var fs InvalidFields
	if _, err := Apply("LC-E", "T-E", terms, cals); !errors.As(err, &fs) || fs[0].Field != "terms.expiryPlace" {
		t.Fatalf("an unknown place of expiry: %v", err)
	}
}

// TestNoPresentationAfterThePresentableUntilInstant: Art. 6(e) a presentation must be made on or
// before the expiry date (as Art. 29(a) extends it): after the instant the bank refuses to take
// it at all, records nothing, and a retry of a presentation made in time still answers.
func TestNoPresentationAfterThePresentableUntilInstant(t *testing.T) {
	lc := issued(t)
	until := lc.PresentableUntil
	if _, err := present(lc, "P-late", complying(), until, policy); !errors.Is(err, ErrExpired) || KindOf(err) != KindConflict {
		t.Fatalf("presented at the instant: %v", err)
	}
	if len(lc.Presentations) != 0 {
		t.Fatal("a late presentation was recorded")
	}
	// Received just in time, the bank takes it and examines it (its receipt stamp is the last day;
	// whether the documents came within 21 days of shipment is the examination's finding).
	first, err := present(lc, "P-1", complying(), until.Add(-time.Nanosecond), policy)
	if err != nil || len(lc.Presentations) != 1 || lc.Presentations[0].Presentation.Date.Before(lc.Terms.ExpiryDate) {
		t.Fatalf("presented just in time: %v, %+v", err, lc.Presentations)
	}
	if res, err := present(lc, "P-1", complying(), until.Add(time.Hour), policy); err != nil || res.Compliant != first.Compliant {
		t.Fatalf("a retry of the timely presentation: %v", err)
	}
}

// TestAcceptedAmendmentMovesTheInstant: an amendment of the expiry date (MT707 31E) binds once
// the beneficiary accepts it (Art. 10(b), (c)); the new instant follows Art. 29(a) again.
func TestAcceptedAmendmentMovesTheInstant(t *testing.T) {
	lc := issued(t)
	if _, err := lc.Amend(Amendment{NewExpiry: NewDate(2027, 1, 30)}); err != nil { // a Saturday
		t.Fatal(err)
	}
	if !lc.PresentableUntil.Equal(utc(2027, 1, 1, 0)) {
		t.Fatal("a proposed amendment moved the instant")
	}
	if err := lc.AnswerAmendment(1, true, cals); err != nil {
		t.Fatal(err)
	}
	if want := utc(2027, 2, 2, 0); !lc.PresentableUntil.Equal(want) {
		t.Fatalf("after the amendment: %s, want the end of Monday 1 February, %s", lc.PresentableUntil, want)
	}
	if _, err := lc.Amend(Amendment{NewExpiry: NewDate(2027, 3, 31)}); err != nil {
		t.Fatal(err)
	}
	if err := lc.AnswerAmendment(2, false, cals); err != nil || !lc.PresentableUntil.Equal(utc(2027, 2, 2, 0)) {
		t.Fatalf("a rejected amendment moved the instant: %v %s", err, lc.PresentableUntil)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if !replayed.PresentableUntil.Equal(lc.PresentableUntil) {
		t.Fatalf("replayed: %s", replayed.PresentableUntil)
	}
}

// TestExpiry: the credit decides when it expires (Art. 6(d)(i)): not before its instant
// (EXTENDED), not while a presentation made in time is being decided (DEFERRED), and once only.
func TestExpiry(t *testing.T) {
	after := utc(2027, 1, 2, 0)
	t.Run("before the instant: extended", func(t *testing.T) {
		lc := issued(t)
		if o := lc.Expire(utc(2026, 12, 31, 23)); o.Status != ExpiryExtended || !o.PresentableUntil.Equal(lc.PresentableUntil) || len(lc.Changes()) != 2 {
			t.Fatalf("%+v, %d events", o, len(lc.Changes()))
		}
	})
	t.Run("unused: expired once", func(t *testing.T) {
		lc := issued(t)
		if o := lc.Expire(after); o.Status != ExpiryExpired || lc.Status != StatusExpired {
			t.Fatalf("%+v %s", o, lc.Status)
		}
		n := len(lc.Changes())
		if o := lc.Expire(after.Add(time.Hour)); o.Status != ExpiryExpired || len(lc.Changes()) != n {
			t.Fatalf("asked again: %+v, %d new events", o, len(lc.Changes())-n)
		}
		if _, err := present(lc, "P-1", complying(), presentedAt, policy); !errors.Is(err, ErrInvalidState) {
			t.Fatalf("presenting under an expired credit: %v", err)
		}
		if _, err := lc.Amend(Amendment{NewExpiry: NewDate(2027, 6, 30)}); !errors.Is(err, ErrInvalidState) {
			t.Fatalf("amending an expired credit: %v", err)
		}
	})
	t.Run("applied, never issued: expired", func(t *testing.T) {
		lc, _ := Apply("LC-N", "T-N", credit(), cals)
		if o := lc.Expire(after); o.Status != ExpiryExpired {
			t.Fatalf("%+v", o)
		}
	})
	t.Run("honoured: cannot expire", func(t *testing.T) {
		lc := issued(t)
		_, _ = present(lc, "P-1", complying(), presentedAt, policy)
		if o := lc.Expire(after); o.Status != string(StatusHonoured) || lc.Status != StatusHonoured {
			t.Fatalf("%+v", o)
		}
	})
	t.Run("refused, pending the waiver: deferred until the decision period ends", func(t *testing.T) {
		lc := refused(t)
		p := lc.Presentations[0]
		// Presented on Wednesday 9 December: five banking days in Lisbon are the 10th, 11th, 14th,
		// 15th and 16th; the period ends with the 16th.
		if want := utc(2026, 12, 17, 0); !p.DecisionUntil.Equal(want) {
			t.Fatalf("decision period ends %s, want %s", p.DecisionUntil, want)
		}
		lc.PresentableUntil = utc(2026, 12, 12, 0) // as if it expired on the 11th
		if o := lc.Expire(utc(2026, 12, 14, 9)); o.Status != ExpiryDeferred || lc.Status != StatusRefused {
			t.Fatalf("within the decision period: %+v", o)
		}
		if o := lc.Expire(p.DecisionUntil); o.Status != ExpiryExpired {
			t.Fatalf("after the decision period: %+v", o)
		}
		if err := lc.RequestWaiver("P-1", importer.Stamp(), NewDate(2026, 12, 17), p.DecisionUntil); !errors.Is(err, ErrInvalidState) {
			t.Fatalf("a waiver after expiry: %v", err)
		}
	})
	t.Run("refused, the waiver rejected: the refusal stands and the credit expires", func(t *testing.T) {
		lc := refused(t)
		_ = lc.RequestWaiver("P-1", importer.Stamp(), NewDate(2026, 12, 10), presentedAt)
		if err := lc.DecideWaiver("P-1", false, NewDate(2026, 12, 10), presentedAt); err != nil {
			t.Fatal(err)
		}
		if o := lc.Expire(after); o.Status != ExpiryExpired {
			t.Fatalf("%+v", o)
		}
	})
	t.Run("examined, not yet decided: deferred", func(t *testing.T) {
		lc := issued(t)
		lc.Apply(DocumentsExamined{PresentationID: "P-1"})
		if o := lc.Expire(after); o.Status != ExpiryDeferred {
			t.Fatalf("%+v", o)
		}
	})
}

// TestDecisionPeriod: the applicant waives, and the bank decides, within the decision period
// after a refusal held pending the waiver (Art. 16(c)(iii)(b)); after it the refusal stands.
func TestDecisionPeriod(t *testing.T) {
	lc := refused(t)
	end := lc.Presentations[0].DecisionUntil
	if err := lc.RequestWaiver("P-1", importer.Stamp(), NewDate(2026, 12, 17), end); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("a waiver after the period: %v", err)
	}
	if err := lc.RequestWaiver("P-1", importer.Stamp(), NewDate(2026, 12, 16), end.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideWaiver("P-1", true, NewDate(2026, 12, 17), end); !errors.Is(err, ErrInvalidState) || lc.Status != StatusRefused {
		t.Fatalf("a decision after the period: %v", err)
	}
	longer := refusedWith(t, Policy{Calendars: cals, DecisionDays: 10})
	if want := utc(2026, 12, 24, 0); !longer.Presentations[0].DecisionUntil.Equal(want) {
		t.Fatalf("ten banking days: %s, want %s", longer.Presentations[0].DecisionUntil, want)
	}
	if err := (Policy{DecisionDays: MaxDecisionDays + 1}).Validate(); err == nil {
		t.Fatal("an unbounded decision period was accepted")
	}
}

// issued is a credit on credit()'s terms, issued, presentable until 2027-01-01T00:00Z.
func issued(t *testing.T) *LetterOfCredit {
	t.Helper()
	lc, err := Apply("LC-X", "T-X", credit(), cals)
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(NewDate(2026, 11, 2), Stamp{}, FourEyes{}); err != nil {
		t.Fatal(err)
	}
	return lc
}

// refused is an issued credit whose presentation P-1, made at presentedAt, was refused.
func refused(t *testing.T) *LetterOfCredit { return refusedWith(t, policy) }

func refusedWith(t *testing.T, pol Policy) *LetterOfCredit {
	t.Helper()
	lc := issued(t)
	bad := complying()
	doc(&bad, BillOfLading).OnBoardNotation = false
	if _, err := present(lc, "P-1", bad, presentedAt, pol); err != nil || lc.Status != StatusRefused {
		t.Fatalf("refusal: %v %s", err, lc.Status)
	}
	return lc
}

package domain

import (
	"testing"
	"time"
)

func TestParseTenor(t *testing.T) {
	for _, c := range []struct {
		text string
		want Tenor
	}{
		{"AT SIGHT", Tenor{}},
		{"sight", Tenor{}},
		{"90 DAYS AFTER B/L DATE", Tenor{Days: 90, After: AfterShipment}},
		{"at 90 days after bill of lading date for 100 pct of invoice value", Tenor{Days: 90, After: AfterShipment}},
		{"60 DAYS AFTER SIGHT", Tenor{Days: 60, After: AfterSight}},
		{"AT 60 DAYS SIGHT", Tenor{Days: 60, After: AfterSight}},
		{"30  DAYS FROM   INVOICE DATE.", Tenor{Days: 30, After: AfterInvoice}},
		{"ON 2027-03-01", Tenor{On: NewDate(2027, time.March, 1)}},
		{"2027-03-01", Tenor{On: NewDate(2027, time.March, 1)}},
	} {
		got, err := ParseTenor(c.text)
		if err != nil || got != c.want {
			t.Errorf("ParseTenor(%q) = %+v, %v; want %+v", c.text, got, err, c.want)
		}
	}
	// Each of these leaves the maturity date unknown, or beyond the bounds (ISBP 821 B2).
	for _, text := range []string{"", "90 DAYS", "90 DAYS AFTER ARRIVAL OF GOODS", "0 DAYS AFTER SIGHT", "721 DAYS AFTER SIGHT",
		"ABOUT 90 DAYS AFTER B/L DATE", "ON 2027-02-30", "90 DAYS AFTER B/L DATE FOR 50 PCT OF INVOICE VALUE"} {
		if got, err := ParseTenor(text); err == nil {
			t.Errorf("ParseTenor(%q) = %+v, want an error", text, got)
		}
	}
}

// TestMaturityOnTheBankingCalendar: "after" excludes the date mentioned (UCP 600 Art. 3), the
// B/L date is the on-board date (ISBP 821 B2), and a due date on a closed day of Lisbon (the
// 8th and 25th of December 2026, weekends) moves to the next banking day (ISBP 821 B4).
func TestMaturityOnTheBankingCalendar(t *testing.T) {
	p := complying() // shipped on board on Tuesday 1 December 2026; invoice of the same day
	doc(&p, BillOfLading).IssueDate = NewDate(2026, time.November, 30)
	honoured := NewDate(2026, time.December, 9)
	for _, c := range []struct {
		tenor string
		want  Date
	}{
		{"90 DAYS AFTER B/L DATE", NewDate(2027, time.March, 1)},         // 1 Dec + 90, a Monday
		{"7 DAYS AFTER B/L DATE", NewDate(2026, time.December, 9)},       // the 8th is a holiday
		{"60 DAYS AFTER SIGHT", NewDate(2027, time.February, 8)},         // 9 Dec + 60 is Sunday 7 February
		{"30 DAYS AFTER INVOICE DATE", NewDate(2026, time.December, 31)}, // a Thursday, open
		{"ON 2026-12-25", NewDate(2026, time.December, 28)},              // Christmas, then the weekend
	} {
		tn, err := ParseTenor(c.tenor)
		if err != nil {
			t.Fatal(err)
		}
		m, err := tn.maturity(p, honoured, lisbon)
		if err != nil || m.Date != c.want || !m.PayableAt.Equal(lisbon.EndOf(c.want.AddDays(-1))) {
			t.Errorf("%s: maturity %s payable at %s, %v; want %s", c.tenor, m.Date, m.PayableAt, err, c.want)
		}
	}
	// Payable from the maturity date's start in Lisbon: in summer an hour before midnight UTC.
	m, err := Tenor{On: NewDate(2027, time.July, 1)}.maturity(p, honoured, lisbon)
	if want := time.Date(2027, time.June, 30, 23, 0, 0, 0, time.UTC); err != nil || !m.PayableAt.Equal(want) {
		t.Errorf("payable at %s, %v; want %s", m.PayableAt, err, want)
	}
	// A presentation without the document the tenor counts from has no maturity (a waived one).
	if _, err := (Tenor{Days: 90, After: AfterShipment}).maturity(Presentation{Date: honoured}, honoured, lisbon); KindOf(err) != KindRule {
		t.Errorf("a maturity after a B/L date with no bill of lading: %v", err)
	}
}

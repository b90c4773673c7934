package domain

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestEveryInputIsBounded: identifiers (the trade ID by contracts.CheckTradeID), texts and lists
// over their bounds are fields at fault, so no input makes an event too large to store or to
// forward.
func TestEveryInputIsBounded(t *testing.T) {
	names := func(err error) string {
		var fs InvalidFields
		if !errors.As(err, &fs) {
			return "not field errors: " + err.Error()
		}
		var out []string
		for _, f := range fs {
			out = append(out, f.Field)
		}
		return strings.Join(out, " ")
	}
	terms := credit()
	terms.Goods.Description = strings.Repeat("x", MaxGoodsLength+1)
	terms.Documents = make([]DocumentKind, MaxDocumentsRequired+1)
	_, err := Apply("LC 1", strings.Repeat("T", 300<<10), terms, cals)
	if got := names(err); got != "id tradeId terms.goods.description terms.documentsRequired" {
		t.Fatalf("fields at fault: %s", got)
	}
	lc := issued(t)
	p := complying()
	p.Documents[1].Clauses = []string{strings.Repeat("c", MaxClauseLength+1)}
	if _, err := present(lc, strings.Repeat("P", MaxIDLength+1), p, presentedAt, policy); names(err) != "presentationId presentation.documents[1].clauses[0]" {
		t.Fatalf("presentation: %v", err)
	}
	p.Documents = make([]Document, MaxDocuments+1)
	if err := CheckExamination(credit(), p); names(err) != "presentation.documents" {
		t.Fatalf("pre-check: %v", err)
	}
}

// TestCalendarLookupIsASet: a calendar's holidays are bounded and looked up in constant time,
// so a long run of closed days costs a walk over the days, not days × holidays; a week with no
// banking day is refused, since the next banking day would never come.
func TestCalendarLookupIsASet(t *testing.T) {
	many := make([]Date, MaxHolidays+1)
	if _, err := NewCalendar("X", nil, nil, many); err == nil {
		t.Fatal("more holidays than the bound")
	}
	run := make([]Date, MaxHolidays)
	for i := range run {
		run[i] = NewDate(2026, 1, 1).AddDays(i)
	}
	cal, err := NewCalendar("X", nil, nil, run)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var got Date
	for range 100 {
		got = cal.NextBankingDayFrom(NewDate(2026, 1, 1))
	}
	if want := NewDate(2026, 1, 1).AddDays(MaxHolidays); got.Before(want) || time.Since(start) > time.Second {
		t.Fatalf("next banking day %s after %s", got, time.Since(start))
	}
	all := []time.Weekday{0, 1, 2, 3, 4, 5, 6}
	if _, err := NewCalendar("X", nil, all, nil); err == nil {
		t.Fatal("a week without banking days")
	}
}

package swift

import (
	"testing"
)

func TestDecodeDatesAmountsAndParties(t *testing.T) {
	for _, c := range []struct {
		f                           Field
		date, amount, place, bic, a string
	}{
		{Field{"31C", "261102"}, "2026-11-02", "", "", "", ""},
		{Field{"31D", "270315LISBON"}, "2027-03-15", "", "LISBON", "", ""},
		{Field{"32B", "EUR250000,00"}, "", "EUR 250000.00", "", "", ""},
		{Field{"32B", "JPY5000,"}, "", "JPY 5000", "", "", ""},
		{Field{"34A", "270316EUR125120,5"}, "2027-03-16", "EUR 125120.50", "", "", ""},
		{Field{"58A", "/D/4711\r\nBCOMPTPLXXX"}, "", "", "", "BCOMPTPLXXX", "/D/4711"},
		{Field{"41A", "BCOMPTPL\r\nBY PAYMENT"}, "", "", "", "BCOMPTPL", ""},
	} {
		d, err := Decode(c.f)
		if err != nil {
			t.Fatalf("%s: %v", c.f.Tag, err)
		}
		var date, amount string
		if !d.Date.IsZero() {
			date = d.Date.Format("2006-01-02")
		}
		if d.Amount != nil {
			amount = d.Amount.String()
		}
		if date != c.date || amount != c.amount || d.Place != c.place || d.BIC != c.bic || d.Account != c.a {
			t.Errorf("%s %q decoded to %s %s %+v", c.f.Tag, c.f.Value, date, amount, d)
		}
	}
	for _, bad := range []Field{{"30", "261131"}, {"32B", "QQQ1,"}, {"32B", "EUR1,234"}, {"33A", "2601"}, {"32A", "260101EUR1"}} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("%s %q decoded", bad.Tag, bad.Value)
		}
	}
}

func TestPartyOptionsRoundTrip(t *testing.T) {
	for _, p := range []Party{
		{Option: "A", BIC: "ESSESESS"}, {Option: "A", Account: "/C/12345", BIC: "DEUTDEFFXXX"},
		{Option: "B", Lines: []string{"LISBON"}}, {Option: "B", Account: "/D"},
		{Option: "D", Lines: []string{"ANY BANK", "IN PORTUGAL"}}, {Option: "D", Account: "/987", Lines: []string{"BANCO X", "PORTO"}},
	} {
		tag := "57" + p.Option
		if _, reason := compiledFormats[tag].check(p.value()); reason != "" {
			t.Fatalf("%s %+v: %s", tag, p, reason)
		}
		back := parseParty(p.Option, p.value())
		if back.Option != p.Option || back.Account != p.Account || back.BIC != p.BIC || len(back.Lines) != len(p.Lines) {
			t.Errorf("%+v read back as %+v", p, back)
		}
	}
}

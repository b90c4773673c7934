package money

import (
	"encoding/json"
	"testing"
)

func TestParseCurrencyUsesISO4217MinorUnits(t *testing.T) {
	for code, want := range map[string]int{"EUR": 2, "USD": 2, "JPY": 0, "BHD": 3, "KWD": 3} {
		c, err := ParseCurrency(code)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if c.Exponent() != want {
			t.Errorf("%s exponent = %d, want %d", code, c.Exponent(), want)
		}
	}
	for _, bad := range []string{"", "EU", "EURO", "XYZ", "eur1"} {
		if _, err := ParseCurrency(bad); err == nil {
			t.Errorf("ParseCurrency(%q) accepted a code that is not ISO 4217", bad)
		}
	}
}

func TestParseAndFormat(t *testing.T) {
	cases := []struct {
		in, cur string
		minor   int64
		out     string
	}{
		{"1234.56", "EUR", 123456, "1234.56"},
		{"1234,5", "EUR", 123450, "1234.50"},
		{"1000", "JPY", 1000, "1000"},
		{"0.001", "BHD", 1, "0.001"},
		{"-12.30", "USD", -1230, "-12.30"},
	}
	for _, c := range cases {
		m, err := Parse(c.in, MustCurrency(c.cur))
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		if m.Minor != c.minor || m.Decimal() != c.out {
			t.Errorf("Parse(%q %s) = %d %q, want %d %q", c.in, c.cur, m.Minor, m.Decimal(), c.minor, c.out)
		}
	}
	for _, bad := range []string{"1.234", "abc", "", "1.2.3", "99999999999999999999"} {
		if _, err := Parse(bad, MustCurrency("EUR")); err == nil {
			t.Errorf("Parse(%q) accepted a bad amount", bad)
		}
	}
	if _, err := Parse("10.5", MustCurrency("JPY")); err == nil {
		t.Error("JPY has no minor unit; 10.5 must be refused, not rounded")
	}
}

func TestArithmeticRefusesMixedCurrencies(t *testing.T) {
	eur, usd := New(100, MustCurrency("EUR")), New(100, MustCurrency("USD"))
	if _, err := eur.Add(usd); err == nil {
		t.Fatal("EUR + USD must fail")
	}
	s, err := eur.Add(New(50, MustCurrency("EUR")))
	if err != nil || s.Minor != 150 {
		t.Fatalf("Add = %v, %v", s, err)
	}
	if p := New(100001, MustCurrency("EUR")).Percent(110); p.Minor != 110001 {
		t.Errorf("110%% of 1000.01 = %d, want 110001 (half away from zero)", p.Minor)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	m := New(123456, MustCurrency("EUR"))
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"minor":123456,"currency":"EUR"}` {
		t.Fatalf("json = %s", b)
	}
	var back Money
	if err := json.Unmarshal(b, &back); err != nil || back != m {
		t.Fatalf("round trip = %v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"minor":1,"currency":"XXQ"}`), &back); err == nil {
		t.Fatal("unknown currency accepted from JSON")
	}
}

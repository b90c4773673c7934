package money

import "testing"

func TestThresholds(t *testing.T) {
	eur, jpy, usd := MustCurrency("EUR"), MustCurrency("JPY"), MustCurrency("USD")
	th, err := ParseThresholds("EUR:100000000, JPY:50000000")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		m    Money
		want bool
	}{{New(100_000_000, eur), false}, {New(100_000_001, eur), true}, {New(50_000_001, jpy), true},
		{New(100_000_000, usd), false}, {New(100_000_001, usd), true}} { // USD: the default, 1,000,000.00
		if got := th.Exceeds(c.m); got != c.want {
			t.Errorf("%s exceeds: %v, want %v", c.m, got, c.want)
		}
	}
	if (Thresholds{}).Threshold(jpy) != 1_000_000 || (Thresholds{DefaultMajor: 5}).Threshold(eur) != 500 {
		t.Error("the default scales by the currency's exponent")
	}
	for _, bad := range []string{"EUR", "XXX1:5", "EUR:-1", "EUR:ten"} {
		if _, err := ParseThresholds(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

package swift

import (
	"testing"
)

// The fuzz targets run their seeds in every `go test` (and so in `make test`); `make fuzz` runs
// each for minutes. None may panic, whatever the input. FuzzParse validates every message type
// (its seeds hold a golden message of each).

func seeds(f *testing.F) {
	msgs, _ := credit().Messages()
	for _, m := range msgs {
		f.Add(m.String())
	}
	a, _ := MT734{Sender: "ESSESESS", Receiver: "BCOMPTPL", Reference: "R", PresentingBankRef: "P", UtilisationDate: day(2026, 1, 1),
		Amount: eur(1), Discrepancies: []string{"X"}, Disposal: []string{"/HOLD/"}}.Message()
	f.Add(a.String())
	for _, mt := range Types() { // a golden message of every type
		f.Add(golden(f, mt))
	}
	f.Add("{1:F01ESSESESSXXXX0000000000}{2:I700BCOMPTPLXXXXN}{4:\r\n:27:1/1\r\n-}")
	f.Add("{4:\r\n:\r\n-}")
}

func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, raw string) {
		m, err := Parse(raw)
		if err != nil {
			return
		}
		// What parses renders to text that parses to the same fields.
		again, err := Parse(m.String())
		if err != nil {
			t.Fatalf("re-parse of rendered message failed: %v", err)
		}
		if len(again.Fields) != len(m.Fields) {
			t.Fatalf("fields changed on re-parse: %d vs %d", len(again.Fields), len(m.Fields))
		}
		// Validation of any type never panics, and a valid message stays valid once rendered.
		if Validate(m) == nil {
			if err := Validate(again); err != nil {
				t.Fatalf("valid MT%s invalid once rendered: %v", m.Type, err)
			}
			for _, f := range m.Fields {
				if _, err := Decode(f); err != nil {
					t.Fatalf("valid field %s does not decode: %v", f.Tag, err)
				}
			}
		}
	})
}

func FuzzParseMT700(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, raw string) {
		if m, err := Parse(raw); err == nil {
			_, _ = ParseMT700(m)
		}
	})
}

func FuzzParseMT707(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, raw string) {
		if m, err := Parse(raw); err == nil {
			_, _ = ParseMT707(m)
		}
	})
}

func FuzzParseMT734(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, raw string) {
		if m, err := Parse(raw); err == nil {
			_, _ = ParseMT734(m)
		}
	})
}

func FuzzParseAdvice(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, raw string) {
		if m, err := Parse(raw); err == nil {
			_, _ = ParseAdvice(m)
		}
	})
}

func FuzzParseCurrencyAmount(f *testing.F) {
	for _, s := range []string{"EUR1,00", "JPY5000,", "BHD0,001", "EUR", ",", "EUR,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseCurrencyAmount("32B", s)
		if err != nil {
			return
		}
		if _, err := CurrencyAmount(m); err != nil {
			t.Fatalf("parsed %q but cannot render %v: %v", s, m, err)
		}
	})
}

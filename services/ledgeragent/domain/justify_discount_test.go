package domain

import (
	"strings"
	"testing"
	"time"
)

// UCP 600 Art. 12(b): the discount before maturity is the nominated bank's own step, so its
// agent (ExporterBankMSP) signs UNDERTAKING_DISCOUNTED for lc.undertaking_discounted.v1 and the
// issuing bank's does not; the discount's hash justifies no other milestone.
func TestJustifyDiscountByTheNominatedBank(t *testing.T) {
	now := time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC)
	index := append(append([]Entry{}, honouredTrade...), Entry{Type: "lc.undertaking_discounted.v1", ID: "ev-discounted", SHA256: h("discounted")})
	for _, c := range []struct {
		name, org, milestone string
		want                 Outcome
		mentions             string
	}{
		{"the nominated bank signs its discount", exporter, "UNDERTAKING_DISCOUNTED", Justified, "ev-discounted"},
		{"the issuing bank does not", importer, "UNDERTAKING_DISCOUNTED", Refused, "ExporterBankMSP's to commit"},
		{"the discount is no settlement", importer, "SETTLED", Refused, "stands for UNDERTAKING_DISCOUNTED"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := Justify(c.org, Request{"T-1", c.milestone, h("discounted")}, index, now)
			if v.Outcome != c.want || !strings.Contains(v.Reason, c.mentions) {
				t.Fatalf("Justify = %+v, want outcome %d mentioning %q", v, c.want, c.mentions)
			}
		})
	}
}

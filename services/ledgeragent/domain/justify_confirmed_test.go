package domain

import (
	"strings"
	"testing"
	"time"
)

// UCP 600 Art. 8(a): the honour of a presentation made to the confirming bank is its own, so
// the confirming bank's agent (ExporterBankMSP) signs HONOURED for it and the issuing bank's
// does not; an honour by the issuing bank stays the issuing bank's to sign.
func TestJustifyHonourByTheBankThatHonoured(t *testing.T) {
	now := time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC)
	index := append(append([]Entry{}, trade...),
		Entry{Type: "lc.honoured.v1", ID: "ev-confirmer", SHA256: h("by-confirmer"), ByConfirmingBank: true},
		Entry{Type: "lc.honoured.v1", ID: "ev-issuer", SHA256: h("by-issuer")})
	for _, c := range []struct {
		name, org, hash string
		want            Outcome
		mentions        string
	}{
		{"the confirming bank signs its honour", exporter, h("by-confirmer"), Justified, "ev-confirmer"},
		{"the issuing bank does not sign the confirming bank's honour", importer, h("by-confirmer"), Refused, "performed by ExporterBankMSP"},
		{"the issuing bank signs its own honour", importer, h("by-issuer"), Justified, "ev-issuer"},
		{"the confirming bank does not sign the issuing bank's honour", exporter, h("by-issuer"), Refused, "performed by ImporterBankMSP"},
		{"customs signs no honour", customs, h("by-confirmer"), Refused, "HONOURED is ImporterBankMSP's"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := Justify(c.org, Request{"T-1", "HONOURED", c.hash}, index, now)
			if v.Outcome != c.want || !strings.Contains(v.Reason, c.mentions) || (c.want == Refused) != (v.Code == CodeNotOurs) {
				t.Fatalf("Justify = %+v, want outcome %d mentioning %q", v, c.want, c.mentions)
			}
		})
	}
}

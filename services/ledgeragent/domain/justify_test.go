package domain

import (
	"strings"
	"testing"
	"time"
)

const (
	importer = "ImporterBankMSP"
	exporter = "ExporterBankMSP"
	customs  = "CustomsMSP"
)

func h(s string) string { return derivedHash(s) }

// trade is the index of one trade: applied and issued (the issuing bank's), advised (the advising
// bank's), released (customs').
var trade = []Entry{
	{Type: "lc.applied.v1", ID: "ev-applied", SHA256: h("applied"), ExpiryDate: "2026-12-31"},
	{Type: "lc.issued.v1", ID: "ev-issued", SHA256: h("issued")},
	{Type: "lc.advised.v1", ID: "ev-advised", SHA256: h("advised")},
	{Type: "customs.transport_event.v1", ID: "ev-load", SHA256: h("load")},
	{Type: "customs.import_released.v1", ID: "ev-released", SHA256: h("released")},
}

var honouredTrade = append(append([]Entry{}, trade...), Entry{Type: "lc.honoured.v1", ID: "ev-honoured", SHA256: h("honoured")})

func TestJustify(t *testing.T) {
	during := time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC)
	after := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) // the expiry day is over
	cases := []struct {
		name      string
		org       string
		req       Request
		index     []Entry
		now       time.Time
		want      Outcome
		code      string
		mentions  string
		justifies string // the event's ID, when justified
	}{
		{"the issuing bank's own event", importer, Request{"T-1", "LC_ISSUED", h("issued")}, trade, during, Justified, "", "lc.issued.v1", "ev-issued"},
		{"the advising bank's own event", exporter, Request{"T-1", "LC_ADVISED", h("advised")}, trade, during, Justified, "", "lc.advised.v1", "ev-advised"},
		{"a hash of no event: unknown until the index is up to date", importer, Request{"T-1", "LC_ISSUED", h("forged")}, trade, during, Unknown, CodeNoEvent, "no event of trade T-1", ""},
		{"a real hash of the wrong type", importer, Request{"T-1", "LC_ISSUED", h("applied")}, trade, during, Refused, CodeWrongType, "lc.applied.v1 ev-applied, which stands for LC_APPLIED, not LC_ISSUED", ""},
		{"an event that is no milestone", customs, Request{"T-1", "SHIPPED", h("load")}, trade, during, Refused, CodeWrongType, "stands for no milestone", ""},
		{"the exporter's bank's event on the issuing bank's agent", importer, Request{"T-1", "LC_ADVISED", h("advised")}, trade, during, Refused, CodeNotOurs, "LC_ADVISED is ExporterBankMSP's", ""},
		{"the exporter's bank's event dressed as the issuing bank's milestone", importer, Request{"T-1", "LC_ISSUED", h("advised")}, trade, during, Refused, CodeWrongType, "lc.advised.v1", ""},
		{"another trade's event", importer, Request{"T-2", "LC_ISSUED", h("issued")}, nil, during, Unknown, CodeNoEvent, "trade T-2", ""},
		{"CLOSED derived from the release", importer, Request{"T-1", "CLOSED", h("ev-released/closed")}, trade, during, Justified, "", "ev-released", "ev-released"},
		{"CLOSED derived from nothing", importer, Request{"T-1", "CLOSED", h("ev-issued/closed")}, trade, during, Unknown, CodeNoEvent, "not derived from any customs.import_released.v1", ""},
		{"CLOSED with the release's own hash", importer, Request{"T-1", "CLOSED", h("released")}, trade, during, Refused, CodeWrongType, "stands for IMPORT_RELEASED, not CLOSED", ""},
		{"CLOSED before any release is indexed", importer, Request{"T-1", "CLOSED", h("ev-released/closed")}, trade[:3], during, Unknown, CodeNoEvent, "", ""},
		{"EXPIRED once the expiry day is over", importer, Request{"T-1", "EXPIRED", h("T-1/expired")}, trade, after, Justified, "", "end of 2026-12-31", "ev-applied"},
		{"EXPIRED during the credit's life", importer, Request{"T-1", "EXPIRED", h("T-1/expired")}, trade, during, Refused, CodeNotDue, "available until the end of 2026-12-31", ""},
		{"EXPIRED moments before this clock sees the expiry", importer, Request{"T-1", "EXPIRED", h("T-1/expired")}, trade, after.Add(-time.Minute), Early, "", "moments from now", ""},
		{"EXPIRED after honour", importer, Request{"T-1", "EXPIRED", h("T-1/expired")}, honouredTrade, after, Refused, CodeNotDue, "was honoured", ""},
		{"EXPIRED of another trade's derivation", importer, Request{"T-1", "EXPIRED", h("T-2/expired")}, trade, after, Unknown, CodeNoEvent, "", ""},
		{"EXPIRED before the application is indexed", importer, Request{"T-1", "EXPIRED", h("T-1/expired")}, trade[1:], after, Unknown, CodeNoEvent, "no lc.applied.v1", ""},
		{"EXPIRED from lc.expired.v1", importer, Request{"T-1", "EXPIRED", h("lc-expired")}, []Entry{{Type: "lc.expired.v1", ID: "ev-x", SHA256: h("lc-expired")}}, during, Justified, "", "", "ev-x"},
		{"customs' milestone on customs' agent", customs, Request{"T-1", "IMPORT_RELEASED", h("released")}, trade, during, Justified, "", "", "ev-released"},
		{"unknown milestone", importer, Request{"T-1", "PAID_TWICE", h("issued")}, trade, during, Refused, CodeInvalid, "unknown milestone", ""},
		{"uppercase hash", importer, Request{"T-1", "LC_ISSUED", strings.ToUpper(h("issued"))}, trade, during, Refused, CodeInvalid, "lowercase hex", ""},
		{"short hash", importer, Request{"T-1", "LC_ISSUED", "abc"}, trade, during, Refused, CodeInvalid, "SHA-256", ""},
		{"empty trade", importer, Request{"", "LC_ISSUED", h("issued")}, trade, during, Refused, CodeInvalid, "trade ID", ""},
		{"overlong trade", importer, Request{strings.Repeat("T", MaxTradeIDLength+1), "LC_ISSUED", h("issued")}, trade, during, Refused, CodeInvalid, "trade ID", ""},
		{"trade ID with a newline", importer, Request{"T-1\nX", "LC_ISSUED", h("issued")}, trade, during, Refused, CodeInvalid, "printable", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Justify(c.org, c.req, c.index, c.now)
			if v.Outcome != c.want || v.Code != c.code || !strings.Contains(v.Reason, c.mentions) || v.Event.ID != c.justifies {
				t.Fatalf("Justify = %+v\nwant outcome %d, code %q, reason mentioning %q, event %q", v, c.want, c.code, c.mentions, c.justifies)
			}
		})
	}
}

package domain

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
)

// TestOpenTradeBoundsWhatTheCreditSays: a credit application's trade ID and parties are checked
// against their bounds (the trade ID by the platform's one rule, contracts.CheckTradeID), so a
// message breaking them is refused as a field error (the consumer's permanent refusal).
func TestOpenTradeBoundsWhatTheCreditSays(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(*TradeOpened)
		field string
	}{
		{"the demo trade", func(*TradeOpened) {}, ""},
		{"an 11-character BIC", func(o *TradeOpened) { o.AdvisingBank = "BCOMPTPLXXX" }, ""},
		{"a 300 KB trade ID", func(o *TradeOpened) { o.TradeID = strings.Repeat("T", 300<<10) }, "tradeId"},
		{"a trade ID of 65 characters", func(o *TradeOpened) { o.TradeID = strings.Repeat("T", 65) }, "tradeId"},
		{"a trade ID with a slash", func(o *TradeOpened) { o.TradeID = "T/1" }, "tradeId"},
		{"a trade ID with a colon (an ID elsewhere, not a trade's)", func(o *TradeOpened) { o.TradeID = "T:1" }, "tradeId"},
		{"no trade ID", func(o *TradeOpened) { o.TradeID = "" }, "tradeId"},
		{"no credit", func(o *TradeOpened) { o.LCID = "" }, "lcId"},
		{"an applicant that is no LEI or EORI", func(o *TradeOpened) { o.Applicant = "Nordic Imports AB" }, "applicantOrg"},
		{"no beneficiary", func(o *TradeOpened) { o.Beneficiary = "" }, "beneficiaryOrg"},
		{"the applicant its own beneficiary", func(o *TradeOpened) { o.Beneficiary = o.Applicant }, "beneficiaryOrg"},
		{"an issuing bank that is no BIC", func(o *TradeOpened) { o.IssuingBank = "ESSE" }, "issuingBank"},
		{"a BIC of no country", func(o *TradeOpened) { o.AdvisingBank = "BCOMXXPL" }, "advisingBank"},
	} {
		o := *trade
		c.edit(&o)
		if _, err := OpenTrade(o); fieldOf(err) != c.field || (c.field == "") != (err == nil) {
			t.Errorf("%s: %v, want field %q", c.name, err, c.field)
		}
	}
}

// TestATradeBelongsToItsCreditsParties: a second credit application on a trade joins it only
// between the same parties; the trade admits its exporter and importer and carriers, nobody
// else, and a trade customs does not know admits nobody.
func TestATradeBelongsToItsCreditsParties(t *testing.T) {
	same := *trade
	same.LCID = "LC-2" // another credit between the same parties
	if err := same.Joins(*trade); err != nil {
		t.Errorf("the same parties: %v", err)
	}
	for _, edit := range []func(*TradeOpened){
		func(o *TradeOpened) { o.Applicant = outsider },
		func(o *TradeOpened) { o.Beneficiary = outsider },
		func(o *TradeOpened) { o.IssuingBank = "DEUTDEFF" },
		func(o *TradeOpened) { o.AdvisingBank = "DEUTDEFF" },
	} {
		other := *trade
		edit(&other)
		if err := other.Joins(*trade); !errors.Is(err, ErrTradeOwned) || KindOf(err) != KindConflict {
			t.Errorf("%+v joined the trade: %v", other, err)
		}
	}
	for _, c := range []struct {
		who  identity.Actor
		want bool
	}{{joao, true}, {ingrid, true}, {mads, true}, {hapag, true}, {olga, false}, {erik, false}, {marta, false}, {audra, false}, {fakeAudit, false}} {
		if got := trade.Admits(c.who); got != c.want {
			t.Errorf("%s of %s admitted %v, want %v", c.who.Subject, c.who.Org, got, c.want)
		}
		if (*TradeOpened)(nil).Admits(c.who) {
			t.Errorf("%s admitted to a trade customs does not know", c.who.Subject)
		}
	}
}

// TestListsAreBounded: a trade's documents and a shipment's transport events have a maximum; a
// retry of what is held is still answered.
func TestListsAreBounded(t *testing.T) {
	var file TradeFile
	for i := range MaxTradeDocuments {
		file.Documents = append(file.Documents, &Document{DocumentRegistered: DocumentRegistered{SHA256: strings.Repeat("0", 60) + string(rune('a'+i%26)) + "000"}})
	}
	if err := file.RoomForDocument("new"); !errors.Is(err, ErrRefused) {
		t.Errorf("document %d: %v", MaxTradeDocuments+1, err)
	}
	if err := file.RoomForDocument(file.Documents[3].SHA256); err != nil {
		t.Errorf("a retry on a full trade: %v", err)
	}
	s := &Shipment{}
	at := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	for i := range maxTransportEvents {
		if _, err := s.Record(TransportEventRecorded{EventCode: Load, Classifier: "EST", Location: "PTLIS", EventTime: at.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	again := s.Events[0]
	if added, err := s.Record(again); added || err != nil {
		t.Errorf("a repeated event on a full shipment: %v %v", added, err)
	}
	if _, err := s.Record(TransportEventRecorded{EventCode: Load, Classifier: "EST", Location: "PTLIS", EventTime: at.Add(-time.Hour)}); KindOf(err) != KindRefused {
		t.Errorf("event %d: %v", maxTransportEvents+1, err)
	}
}

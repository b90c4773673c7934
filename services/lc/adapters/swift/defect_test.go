package swift

import (
	"errors"
	"strings"
	"testing"
)

// Issue 12: the parsers refused ordinary optional fields of the current standard, and a message
// with a real defect was refused for the wrong field.

// An MT700 with drafts (42C, 42a), mixed and deferred payment details (42M, 42P), the route's
// place of receipt and final destination (44A, 44B), a shipment period (44D, instead of 44C) and
// a requested confirmation party (58a) parses, and keeps those fields.
func TestMT700AcceptsEveryOptionalFieldOfTheStandard(t *testing.T) {
	raw := strings.NewReplacer(
		":43P:", ":42C:90 DAYS AFTER SIGHT\r\n:42A:ESSESESS\r\n:43P:",
		":44E:", ":44A:LISBON WAREHOUSE\r\n:44E:",
		":44C:261210\r\n", ":44B:GOTEBORG WAREHOUSE\r\n:44D:SHIPMENT IN NOVEMBER 2026\r\n",
		":49:WITHOUT\r\n", ":49:CONFIRM\r\n:58A:BCOMPTPL\r\n",
	).Replace(golden700(t))
	m, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseMT700(m)
	if err != nil {
		t.Fatalf("ParseMT700: %v", err)
	}
	if strings.Join(c.DraftsAt, "") != "90 DAYS AFTER SIGHT" || c.Drawee == nil || c.Drawee.BIC != "ESSESESS" ||
		c.PlaceOfReceipt != "LISBON WAREHOUSE" || c.FinalDestination != "GOTEBORG WAREHOUSE" ||
		len(c.ShipmentPeriod) != 1 || c.ConfirmationParty == nil || c.ConfirmationParty.BIC != "BCOMPTPL" {
		t.Fatalf("fields lost: %+v", c)
	}
	// 42M and 42P are alternatives to drafts (network rule C2), each accepted on its own.
	for _, f := range []string{":42M:20 PCT AT SIGHT\r\n80 PCT AT 60 DAYS AFTER B/L DATE\r\n", ":42P:60 DAYS AFTER B/L DATE\r\n"} {
		m, err := Parse(strings.Replace(golden700(t), ":43P:", f+":43P:", 1))
		if err == nil {
			_, err = ParseMT700(m)
		}
		if err != nil {
			t.Errorf("%q: %v", f, err)
		}
	}
}

// An MT707 naming the issuing bank (52a) parses.
func TestMT707AcceptsIssuingBank52a(t *testing.T) {
	a := MT707{Sender: "BCOMPTPL", Receiver: "BNPAFRPP", Reference: "AMD1", ReceiverReference: "NONREF",
		IssuingBankReference: "LC2026001", DateOfIssue: day(2026, 11, 2),
		AmendmentNumber: 1, DateOfAmendment: day(2026, 11, 20), Purpose: "ADVI", LatestShipment: day(2026, 12, 20)}
	msg, err := a.Message()
	if err != nil {
		t.Fatal(err)
	}
	raw := strings.Replace(msg.String(), ":23:LC2026001\r\n", ":23:LC2026001\r\n:52A:ESSESESS\r\n", 1)
	m, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseMT707(m); err != nil {
		t.Fatalf("ParseMT707: %v", err)
	}
	if v, ok := m.Get("52A"); !ok || v != "ESSESESS" {
		t.Fatalf("52A = %q", v)
	}
}

// The first real defect in message order is the one reported: a bad date of issue (31C) comes
// before a field the parser once did not know (42C) and before too many lines in 47A.
func TestErrorNamesFirstRealDefect(t *testing.T) {
	raw := strings.NewReplacer(":31C:261102", ":31C:261399", ":43P:", ":42C:AT SIGHT\r\n:42A:ESSESESS\r\n:43P:").Replace(golden700(t))
	raw = strings.Replace(raw, ":47A:", ":47A:"+strings.Repeat("X\r\n", 120), 1)
	m, err := Parse(raw)
	if err == nil {
		_, err = ParseMT700(m)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Tag != "31C" {
		t.Fatalf("error %v, want one naming 31C", err)
	}
}

func golden700(t *testing.T) string {
	t.Helper()
	msgs, err := credit().Messages()
	if err != nil {
		t.Fatal(err)
	}
	return msgs[0].String()
}

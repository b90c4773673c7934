package swift

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func eur(minor int64) *money.Money { m := money.New(minor, money.MustCurrency("EUR")); return &m }

func credit() MT700 {
	return MT700{
		Sender: "ESSESESS", Receiver: "BCOMPTPL", FormOfCredit: "IRREVOCABLE", Number: "LC2026001",
		DateOfIssue: day(2026, 11, 2), ApplicableRules: "UCP LATEST VERSION", ExpiryDate: day(2026, 12, 31), ExpiryPlace: "LISBON",
		Applicant: []string{"NORDIC IMPORTS AB", "HAMNGATAN 1", "GOTEBORG SE"}, Beneficiary: []string{"AZULEJOS LISBOA LDA", "RUA DO OURO 10", "LISBOA PT"},
		Amount: *eur(100_000_00), HasTolerance: true, TolerancePlus: 10, ToleranceMinus: 10,
		AvailableWithBIC: "BCOMPTPL", AvailableBy: "BY PAYMENT", PartialShipments: "NOT ALLOWED", Transhipment: "NOT ALLOWED",
		PortOfLoading: "LISBON, PORTUGAL", PortOfDischarge: "GOTHENBURG, SWEDEN", LatestShipment: day(2026, 12, 10),
		Goods:      []string{"1000 CARTONS CERAMIC FLOOR TILES 30X30 CM GRADE A", "CIF GOTHENBURG INCOTERMS 2020"},
		Documents:  []string{"+SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS", "+FULL SET CLEAN ON BOARD OCEAN BILLS OF LADING", "+INSURANCE POLICY FOR 110 PCT OF CIF VALUE"},
		Conditions: []string{"+ALL DOCUMENTS MUST INDICATE THE CREDIT NUMBER"}, Charges: []string{"ALL CHARGES OUTSIDE SWEDEN", "ARE FOR BENEFICIARY"},
		PresentationPeriod: "21", Confirmation: "WITHOUT", Instructions: []string{"REIMBURSEMENT ON RECEIPT OF COMPLYING DOCUMENTS"},
	}
}

func roundTrip(t *testing.T, msgs []*Message) []*Message {
	t.Helper()
	var out []*Message
	for _, m := range msgs {
		p, err := Parse(m.String())
		if err != nil {
			t.Fatalf("parse our own MT%s: %v\n%s", m.Type, err, m)
		}
		out = append(out, p)
	}
	return out
}

func TestMT700RoundTripAndGolden(t *testing.T) {
	c := credit()
	msgs, err := c.Messages()
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want one MT700", len(msgs))
	}
	golden, err := os.ReadFile("testdata/mt700.fin")
	if err != nil {
		t.Fatal(err)
	}
	if got := msgs[0].String(); got != strings.ReplaceAll(strings.TrimSuffix(string(golden), "\n"), "\n", "\r\n") {
		t.Fatalf("MT700 differs from testdata/mt700.fin:\n%s", strings.ReplaceAll(got, "\r\n", "\n"))
	}
	back, err := ParseMT700(roundTrip(t, msgs)...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", back, c)
	}
}

func TestMT700OverflowsIntoMT701(t *testing.T) {
	c := credit()
	c.Documents = nil
	for i := range 230 {
		c.Documents = append(c.Documents, fmt.Sprintf("+DOCUMENT %03d IN 2 ORIGINALS", i))
	}
	msgs, err := c.Messages()
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 || msgs[1].Type != "701" || msgs[2].Type != "701" {
		t.Fatalf("want MT700 + 2 MT701, got %d messages", len(msgs))
	}
	if v, _ := msgs[2].Get("27"); v != "3/3" {
		t.Fatalf("27 of the last message = %q", v)
	}
	parsed := roundTrip(t, msgs)
	parsed[1], parsed[2] = parsed[2], parsed[1] // continuations may arrive in any order
	back, err := ParseMT700(parsed...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Documents, c.Documents) {
		t.Fatal("documents not reassembled in order")
	}
	if _, err := ParseMT700(parsed[0], parsed[1]); err == nil {
		t.Fatal("a missing MT701 must be an error")
	}
	// Long lines: each message's text block stays within FIN's 10,000 characters.
	c.Documents, c.Goods = nil, nil
	for i := range 150 {
		c.Goods = append(c.Goods, fmt.Sprintf("%03d ", i)+strings.Repeat("G", 61))
		c.Documents = append(c.Documents, fmt.Sprintf("%03d ", i)+strings.Repeat("D", 61))
	}
	msgs, err = c.Messages()
	if err != nil {
		t.Fatal(err)
	}
	back, err = ParseMT700(roundTrip(t, msgs)...)
	if err != nil || !reflect.DeepEqual(back.Goods, c.Goods) || !reflect.DeepEqual(back.Documents, c.Documents) {
		t.Fatalf("%d messages of long lines: %v", len(msgs), err)
	}
}

func TestOtherMessagesRoundTrip(t *testing.T) {
	amend := MT707{Sender: "ESSESESS", Receiver: "BCOMPTPL", Reference: "LC2026001", ReceiverReference: "NONREF", IssuingBankReference: "LC2026001",
		DateOfIssue: day(2026, 11, 2), AmendmentNumber: 1, DateOfAmendment: day(2026, 11, 20), Purpose: "ISSU",
		NewExpiry: day(2027, 1, 31), NewExpiryPlace: "LISBON", Increase: eur(5_000_00), LatestShipment: day(2026, 12, 20), ChargesPayableBy: "BENE"}
	m, err := amend.Message()
	if err != nil {
		t.Fatal(err)
	}
	back707, err := ParseMT707(roundTrip(t, []*Message{m})[0])
	if err != nil || !reflect.DeepEqual(back707, amend) {
		t.Fatalf("MT707 round trip: %+v %v", back707, err)
	}

	refusal := MT734{Sender: "ESSESESS", Receiver: "BCOMPTPL", Reference: "REF734", PresentingBankRef: "PRES001",
		UtilisationDate: day(2026, 12, 8), Amount: eur(100_000_00), ChargesClaimed: []string{"/COMM/EUR150,"}, TotalClaimed: eur(100_150_00),
		Discrepancies: []string{"1. INVOICE NOT ISSUED BY THE BENEFICIARY", "   (UCP 600 ART. 18(A)(I))", "2. B/L WITHOUT ON BOARD NOTATION"},
		Disposal:      []string{"/NOTIFY/"}}
	m, err = refusal.Message()
	if err != nil {
		t.Fatal(err)
	}
	back734, err := ParseMT734(roundTrip(t, []*Message{m})[0])
	if err != nil || !reflect.DeepEqual(back734, refusal) {
		t.Fatalf("MT734 round trip: %+v %v", back734, err)
	}

	for _, a := range []Advice{
		{Type: "750", Sender: "BCOMPTPL", Receiver: "ESSESESS", Reference: "ADV750", RelatedReference: "LC2026001", Principal: eur(100_000_00), Discrepancies: []string{"LATE PRESENTATION"}},
		{Type: "752", Sender: "ESSESESS", Receiver: "BCOMPTPL", Reference: "LC2026001", RelatedReference: "PRES001", Identification: "REMITTED", AdviceDate: day(2026, 12, 9), Principal: eur(100_000_00)},
		{Type: "754", Sender: "BCOMPTPL", Receiver: "ESSESESS", Reference: "PAY754", RelatedReference: "LC2026001", PaidOn: day(2026, 12, 15), Paid: eur(100_000_00), Narrative: []string{"DOCUMENTS SENT BY COURIER"}},
		{Type: "756", Sender: "ESSESESS", Receiver: "BCOMPTPL", Reference: "REIMB756", RelatedReference: "PAY754", Principal: eur(100_000_00), PaidOn: day(2026, 12, 16), Paid: eur(100_000_00)},
	} {
		m, err := a.Message()
		if err != nil {
			t.Fatalf("MT%s: %v", a.Type, err)
		}
		back, err := ParseAdvice(roundTrip(t, []*Message{m})[0])
		if err != nil || !reflect.DeepEqual(back, a) {
			t.Fatalf("MT%s round trip:\n got %+v\nwant %+v\n%v", a.Type, back, a, err)
		}
	}
}

func TestFieldFormats(t *testing.T) {
	jpy, bhd := money.MustCurrency("JPY"), money.MustCurrency("BHD")
	for _, c := range []struct {
		m    money.Money
		want string
	}{
		{*eur(123456_78), "EUR123456,78"}, {*eur(100), "EUR1,00"}, {money.New(5000, jpy), "JPY5000,"}, {money.New(1, bhd), "BHD0,001"},
	} {
		got, err := CurrencyAmount(c.m)
		if err != nil || got != c.want {
			t.Errorf("CurrencyAmount(%v) = %q, %v; want %q", c.m, got, err, c.want)
		}
		back, err := ParseCurrencyAmount("32B", got)
		if err != nil || back != c.m {
			t.Errorf("ParseCurrencyAmount(%q) = %v, %v", got, back, err)
		}
	}
	for _, bad := range []string{"EUR123.45", "EUR1,234,5", "EUR12345", "EUR1,234", "XXQ1,0", "EUR", "EUR-1,00", "EUR1234567890123,45"} {
		if _, err := ParseCurrencyAmount("32B", bad); err == nil {
			t.Errorf("ParseCurrencyAmount(%q) accepted", bad)
		}
	}
	if p, m, err := ParseTolerance("05/10"); err != nil || p != 5 || m != 10 {
		t.Errorf("39A 05/10 = %d/%d %v", p, m, err)
	}
	for _, bad := range []string{"5", "100/5", "a/b", "/"} {
		if _, _, err := ParseTolerance(bad); err == nil {
			t.Errorf("39A %q accepted", bad)
		}
	}
	if _, err := ParseDate6("31C", "261332"); err == nil {
		t.Error("31C 261332 accepted")
	}
	if got := ToX("Açúcar & Café {Ltd}"); got != "Acucar + Cafe  Ltd " {
		t.Errorf("ToX = %q", got)
	}
	if w := Wrap("ONE TWO THREE FOUR", 9); !reflect.DeepEqual(w, []string{"ONE TWO", "THREE", "FOUR"}) {
		t.Errorf("Wrap = %q", w)
	}
}

func TestBadInputNamesFieldAndLine(t *testing.T) {
	msgs, _ := credit().Messages()
	good := msgs[0].String()
	cases := []struct {
		name, raw, tag string
		line           int
	}{
		{"character outside the X set", strings.Replace(good, "LISBOA PT", "LISBOA PT {}", 1), "59", 12},
		{"too many lines in 50", strings.Replace(good, "GOTEBORG SE", "GOTEBORG SE\r\nA\r\nB", 1), "50", 0},
		{"amount without decimal comma", strings.Replace(good, "EUR100000,00", "EUR100000.00", 1), "32B", 0},
		{"missing mandatory 49", strings.Replace(good, ":49:WITHOUT\r\n", "", 1), "49", 0},
		{"bad date", strings.Replace(good, ":31C:261102", ":31C:261199", 1), "31C", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.raw == good {
				t.Fatal("replacement did not apply")
			}
			m, err := Parse(c.raw)
			if err == nil {
				_, err = ParseMT700(m)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Tag != c.tag || (c.line != 0 && pe.Line != c.line) {
				t.Fatalf("error %v, want one naming field %s line %d", err, c.tag, c.line)
			}
		})
	}
	two := msgs[0].String() + "\r\n$" + msgs[0].String()
	if _, err := Parse(two); err == nil {
		t.Error("Parse read two messages as one")
	}
	if all, err := ParseAll(two); err != nil || len(all) != 2 || len(all[1].Fields) != len(msgs[0].Fields) {
		t.Errorf("ParseAll of two messages: %d, %v", len(all), err)
	}
	if _, err := ParseAll(msgs[0].String() + "{2:I700BCOMPTPLXXXXN}"); err == nil {
		t.Error("ParseAll accepted a block after the message")
	}
	tooLong := strings.Replace(good, ":47A:", ":47A:"+strings.Repeat("X\r\n", 5000), 1)
	if _, err := Parse(tooLong); err == nil || !strings.Contains(err.Error(), "10000") {
		t.Errorf("a text block over 10,000 characters: %v", err)
	}
	for _, raw := range []string{"", "{", "{1:F01}", "{2:I700}", "{4:\r\n:20:X\r\n-}", "{1:F01ESSESESSXXXX0000000000}{2:I7X0BCOMPTPLXXXXN}{4:\r\n:20:X\r\n-}"} {
		if _, err := Parse(raw); err == nil {
			t.Errorf("Parse(%q) accepted", raw)
		}
	}
}

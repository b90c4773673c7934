package swift

import (
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// MT700 is the issue of a documentary credit. Narrative fields (45A, 46A, 47A) are lines; when
// they exceed MT700's 100 lines, the rest travels in MT701 continuation messages.
type MT700 struct {
	Sender, Receiver   string // BICs: issuing bank, advising bank
	FormOfCredit       string // 40A: IRREVOCABLE, IRREVOCABLE TRANSFERABLE
	Number             string // 20: documentary credit number
	DateOfIssue        time.Time
	ApplicableRules    string // 40E: UCP LATEST VERSION
	ExpiryDate         time.Time
	ExpiryPlace        string   // 31D
	Applicant          []string // 50: up to 4 × 35
	Beneficiary        []string // 59: up to 4 × 35
	Amount             money.Money
	TolerancePlus      int // 39A
	ToleranceMinus     int
	HasTolerance       bool
	AvailableWithBIC   string // 41A
	AvailableBy        string // 41a second line: BY PAYMENT, BY ACCEPTANCE, BY NEGOTIATION, BY DEF PAYMENT, BY MIXED PYMT
	PartialShipments   string // 43P: ALLOWED, NOT ALLOWED, CONDITIONAL
	Transhipment       string // 43T
	PortOfLoading      string // 44E
	PortOfDischarge    string // 44F
	LatestShipment     time.Time
	Goods              []string // 45A
	Documents          []string // 46A
	Conditions         []string // 47A
	Charges            []string // 71D
	PresentationPeriod string   // 48: days[/narrative]
	Confirmation       string   // 49: CONFIRM, MAY ADD, WITHOUT
	Instructions       []string // 78
}

var mt700Specs = []spec{
	{"27", "Sequence of Total", true, 1, 3}, {"40A", "Form of Documentary Credit", true, 1, 24},
	{"20", "Documentary Credit Number", true, 1, 16}, {"31C", "Date of Issue", true, 1, 6},
	{"40E", "Applicable Rules", true, 1, 30}, {"31D", "Date and Place of Expiry", true, 1, 35},
	{"50", "Applicant", true, 4, 35}, {"59", "Beneficiary", true, 4, 35},
	{"32B", "Currency Code, Amount", true, 1, 18}, {"39A", "Percentage Credit Amount Tolerance", false, 1, 5},
	{"41A", "Available With ... By ...", false, 2, 35}, {"41D", "Available With ... By ...", false, 5, 35},
	{"43P", "Partial Shipments", false, 1, 11}, {"43T", "Transhipment", false, 1, 11},
	{"44E", "Port of Loading/Airport of Departure", false, 1, 65}, {"44F", "Port of Discharge/Airport of Destination", false, 1, 65},
	{"44C", "Latest Date of Shipment", false, 1, 6},
	{"45A", "Description of Goods and/or Services", false, 100, 65}, {"46A", "Documents Required", false, 100, 65},
	{"47A", "Additional Conditions", false, 100, 65}, {"71D", "Charges", false, 6, 35},
	{"48", "Period for Presentation in Days", false, 1, 39}, {"49", "Confirmation Instructions", true, 1, 7},
	{"78", "Instructions to the Paying/Accepting/Negotiating Bank", false, 12, 65},
}

var mt701Specs = []spec{
	{"27", "Sequence of Total", true, 1, 3}, {"20", "Documentary Credit Number", true, 1, 16},
	{"45B", "Description of Goods and/or Services", false, 100, 65}, {"46B", "Documents Required", false, 100, 65},
	{"47B", "Additional Conditions", false, 100, 65},
}

const narrativeLines = 100 // 45A/46A/47A and their MT701 continuations: 100 lines of 65

// Messages renders the credit as an MT700 followed by as many MT701s as its narrative needs.
func (c MT700) Messages() ([]*Message, error) {
	amount, err := CurrencyAmount(c.Amount)
	if err != nil {
		return nil, fieldErr("32B", 0, "%v", err)
	}
	goods, docs, conds := c.Goods, c.Documents, c.Conditions
	first := func(ls []string) []string { return ls[:min(len(ls), narrativeLines)] }
	rest := func(ls []string) []string { return ls[min(len(ls), narrativeLines):] }

	// 27 Sequence of Total comes first; its value is known once the MT701s are counted.
	m := &Message{Sender: c.Sender, Receiver: c.Receiver, Type: "700", Input: true, Fields: []Field{{Tag: "27"}}}
	m.Add("40A", c.FormOfCredit)
	m.Add("20", c.Number)
	m.Add("31C", Date6(c.DateOfIssue))
	m.Add("40E", c.ApplicableRules)
	m.Add("31D", Date6(c.ExpiryDate)+c.ExpiryPlace)
	m.Add("50", joinLines(c.Applicant))
	m.Add("59", joinLines(c.Beneficiary))
	m.Add("32B", amount)
	if c.HasTolerance {
		m.Add("39A", Tolerance(c.TolerancePlus, c.ToleranceMinus))
	}
	if c.AvailableWithBIC != "" {
		m.Add("41A", c.AvailableWithBIC+"\r\n"+c.AvailableBy)
	}
	m.Add("43P", c.PartialShipments)
	m.Add("43T", c.Transhipment)
	m.Add("44E", c.PortOfLoading)
	m.Add("44F", c.PortOfDischarge)
	if !c.LatestShipment.IsZero() {
		m.Add("44C", Date6(c.LatestShipment))
	}
	m.Add("45A", joinLines(first(goods)))
	m.Add("46A", joinLines(first(docs)))
	m.Add("47A", joinLines(first(conds)))
	m.Add("71D", joinLines(c.Charges))
	m.Add("48", c.PresentationPeriod)
	m.Add("49", c.Confirmation)
	m.Add("78", joinLines(c.Instructions))
	msgs := []*Message{m}
	goods, docs, conds = rest(goods), rest(docs), rest(conds)
	for len(goods)+len(docs)+len(conds) > 0 {
		if len(msgs) == 8 { // 27: at most 8 messages (one MT700 and seven MT701)
			return nil, fieldErr("27", 0, "narrative needs more than one MT700 and seven MT701")
		}
		c701 := &Message{Sender: c.Sender, Receiver: c.Receiver, Type: "701", Input: true, Fields: []Field{{Tag: "27"}}}
		c701.Add("20", c.Number)
		c701.Add("45B", joinLines(first(goods)))
		c701.Add("46B", joinLines(first(docs)))
		c701.Add("47B", joinLines(first(conds)))
		goods, docs, conds = rest(goods), rest(docs), rest(conds)
		msgs = append(msgs, c701)
	}
	for i, msg := range msgs {
		msg.Fields[0].Value = fmt.Sprintf("%d/%d", i+1, len(msgs)) // 27 Sequence of Total
		specs := mt700Specs
		if msg.Type == "701" {
			specs = mt701Specs
		}
		if err := validate(msg, specs); err != nil {
			return nil, err
		}
	}
	return msgs, nil
}

// ParseMT700 reads an MT700 and its MT701 continuations (in any order) back into a credit.
func ParseMT700(msgs ...*Message) (MT700, error) {
	var c MT700
	var main *Message
	var conts []*Message
	for _, m := range msgs {
		switch m.Type {
		case "700":
			if main != nil {
				return c, &ParseError{Reason: "two MT700 messages"}
			}
			main = m
		case "701":
			conts = append(conts, m)
		default:
			return c, &ParseError{Reason: fmt.Sprintf("MT%s is not part of an issue of a documentary credit", m.Type)}
		}
	}
	if main == nil {
		return c, &ParseError{Reason: "no MT700"}
	}
	if err := validate(main, mt700Specs); err != nil {
		return c, err
	}
	total, err := sequenceTotal(main, 1)
	if err != nil {
		return c, err
	}
	if total != len(conts)+1 {
		return c, fieldErr("27", 0, "sequence of total says %d messages, got %d", total, len(conts)+1)
	}
	c.Sender, c.Receiver = main.Sender, main.Receiver
	get := func(tag string) string { v, _ := main.Get(tag); return v }
	c.FormOfCredit, c.Number, c.ApplicableRules = get("40A"), get("20"), get("40E")
	if c.DateOfIssue, err = ParseDate6("31C", get("31C")); err != nil {
		return c, err
	}
	d := get("31D")
	if len(d) < 7 {
		return c, fieldErr("31D", 0, "%q: want YYMMDD and a place", d)
	}
	if c.ExpiryDate, err = ParseDate6("31D", d[:6]); err != nil {
		return c, err
	}
	c.ExpiryPlace = d[6:]
	c.Applicant, c.Beneficiary = splitLines(get("50")), splitLines(get("59"))
	if c.Amount, err = ParseCurrencyAmount("32B", get("32B")); err != nil {
		return c, err
	}
	if v, ok := main.Get("39A"); ok {
		if c.TolerancePlus, c.ToleranceMinus, err = ParseTolerance(v); err != nil {
			return c, err
		}
		c.HasTolerance = true
	}
	if v, ok := main.Get("41A"); ok {
		ls := splitLines(v)
		c.AvailableWithBIC = ls[0]
		if len(ls) > 1 {
			c.AvailableBy = ls[1]
		}
	}
	c.PartialShipments, c.Transhipment = get("43P"), get("43T")
	c.PortOfLoading, c.PortOfDischarge = get("44E"), get("44F")
	if v, ok := main.Get("44C"); ok {
		if c.LatestShipment, err = ParseDate6("44C", v); err != nil {
			return c, err
		}
	}
	c.Goods, c.Documents, c.Conditions = splitLines(get("45A")), splitLines(get("46A")), splitLines(get("47A"))
	c.Charges, c.PresentationPeriod, c.Confirmation = splitLines(get("71D")), get("48"), get("49")
	c.Instructions = splitLines(get("78"))
	ordered := make([]*Message, len(conts))
	for _, m := range conts {
		if err := validate(m, mt701Specs); err != nil {
			return c, err
		}
		n, err := sequenceNumber(m, total)
		if err != nil {
			return c, err
		}
		if n < 2 || n > total || ordered[n-2] != nil {
			return c, fieldErr("27", 0, "MT701 sequence %d/%d is out of range or repeated", n, total)
		}
		if v, _ := m.Get("20"); v != c.Number {
			return c, fieldErr("20", 0, "MT701 belongs to credit %q, not %q", v, c.Number)
		}
		ordered[n-2] = m
	}
	for _, m := range ordered {
		g, _ := m.Get("45B")
		d, _ := m.Get("46B")
		k, _ := m.Get("47B")
		c.Goods, c.Documents, c.Conditions = append(c.Goods, splitLines(g)...), append(c.Documents, splitLines(d)...), append(c.Conditions, splitLines(k)...)
	}
	return c, nil
}

// sequenceTotal checks 27 is "n/total" with n == want and returns the total.
func sequenceTotal(m *Message, want int) (int, error) {
	n, total, err := sequence(m)
	if err == nil && n != want {
		err = fieldErr("27", 0, "MT%s is message %d, want %d", m.Type, n, want)
	}
	return total, err
}

func sequenceNumber(m *Message, total int) (int, error) {
	n, t, err := sequence(m)
	if err == nil && t != total {
		err = fieldErr("27", 0, "sequence total %d differs from the MT700's %d", t, total)
	}
	return n, err
}

func sequence(m *Message) (n, total int, err error) {
	v, _ := m.Get("27")
	a, b, ok := strings.Cut(v, "/")
	if !ok || len(a) != 1 || len(b) != 1 || a[0] < '1' || a[0] > '8' || b[0] < '1' || b[0] > '8' {
		return 0, 0, fieldErr("27", 0, "%q: want n/t with digits 1 to 8", v)
	}
	return int(a[0] - '0'), int(b[0] - '0'), nil
}

package swift

import (
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// MT700 is the issue of a documentary credit. Narrative fields (45A, 46A, 47A, 49G, 49H) are
// lines; when they exceed MT700's 100 lines, the rest travels in MT701 continuation messages.
type MT700 struct {
	Sender, Receiver   string // BICs: issuing bank, advising bank
	FormOfCredit       string // 40A: IRREVOCABLE, IRREVOCABLE TRANSFERABLE
	Number             string // 20: documentary credit number
	PreAdviceReference string // 23: PREADV/ and the date of the MT705, when pre-advised
	DateOfIssue        time.Time
	ApplicableRules    string // 40E: UCP LATEST VERSION
	ExpiryDate         time.Time
	ExpiryPlace        string   // 31D
	ApplicantBank      *Party   // 51a, when not the issuing bank
	Applicant          []string // 50: up to 4 × 35
	Beneficiary        []string // 59: up to 4 × 35 (an account line first when given)
	Amount             money.Money
	TolerancePlus      int // 39A
	ToleranceMinus     int
	HasTolerance       bool
	AdditionalAmounts  []string // 39C
	AvailableWithBIC   string   // 41A
	AvailableWithName  []string // 41D (when not a BIC: "ANY BANK", a name and address)
	AvailableBy        string   // 41a last line: BY PAYMENT, BY ACCEPTANCE, BY NEGOTIATION, BY DEF PAYMENT, BY MIXED PYMT
	DraftsAt           []string // 42C: tenor of the drafts
	Drawee             *Party   // 42a
	MixedPayment       []string // 42M
	DeferredPayment    []string // 42P: negotiation/deferred payment details
	PartialShipments   string   // 43P: ALLOWED, NOT ALLOWED, CONDITIONAL
	Transhipment       string   // 43T
	PlaceOfReceipt     string   // 44A
	PortOfLoading      string   // 44E
	PortOfDischarge    string   // 44F
	FinalDestination   string   // 44B
	LatestShipment     time.Time
	ShipmentPeriod     []string // 44D (instead of 44C)
	Goods              []string // 45A
	Documents          []string // 46A
	Conditions         []string // 47A
	BeneficiaryPayment []string // 49G: special payment conditions for the beneficiary
	BankPayment        []string // 49H: special payment conditions for banks only
	Charges            []string // 71D
	PresentationPeriod string   // 48: days[/narrative]
	Confirmation       string   // 49: CONFIRM, MAY ADD, WITHOUT
	ConfirmationParty  *Party   // 58a: requested confirmation party
	ReimbursingBank    *Party   // 53a
	Instructions       []string // 78
	AdviseThrough      *Party   // 57a
	Information        []string // 72Z
}

const narrativeLines = 100 // 45A/46A/47A/49G/49H and their MT701 continuations: 100 lines of 65

// narrativeTags are the fields MT701 continues, in message order.
var narrativeTags = []string{"45A", "46A", "47A", "49G", "49H"}

func (c *MT700) narratives() []*[]string {
	return []*[]string{&c.Goods, &c.Documents, &c.Conditions, &c.BeneficiaryPayment, &c.BankPayment}
}

// Messages renders the credit as an MT700 followed by as many MT701s as its narrative needs.
func (c MT700) Messages() ([]*Message, error) {
	rest := make([][]string, len(narrativeTags))
	for i, n := range c.narratives() {
		rest[i] = *n
	}
	// take returns the next lines of narrative i: at most 100, and no more than the message's
	// text block has room for (budget, in characters, which it spends).
	take := func(i int, budget *int) []string {
		n := 0
		for n < min(len(rest[i]), narrativeLines) {
			cost := len(rest[i][n]) + 2 // the line and its CRLF
			if n == 0 {
				cost += len(":45A:")
			}
			if cost > *budget {
				break
			}
			*budget -= cost
			n++
		}
		ls := rest[i][:n]
		rest[i] = rest[i][n:]
		return ls
	}
	left := func() bool {
		for _, r := range rest {
			if len(r) > 0 {
				return true
			}
		}
		return false
	}

	// 27 Sequence of Total comes first; its value is known once the MT701s are counted.
	m := &Message{Sender: c.Sender, Receiver: c.Receiver, Type: "700", Input: true, Fields: []Field{{Tag: "27"}}}
	w := &writer{m: m}
	w.str("40A", c.FormOfCredit)
	w.str("20", c.Number)
	w.str("23", c.PreAdviceReference)
	w.date("31C", c.DateOfIssue)
	w.str("40E", c.ApplicableRules)
	w.str("31D", Date6(c.ExpiryDate)+c.ExpiryPlace)
	w.party("51", c.ApplicantBank)
	w.lines("50", c.Applicant)
	w.lines("59", c.Beneficiary)
	w.amount("32B", &c.Amount)
	if c.HasTolerance {
		w.str("39A", Tolerance(c.TolerancePlus, c.ToleranceMinus))
	}
	w.lines("39C", c.AdditionalAmounts)
	switch {
	case c.AvailableWithBIC != "":
		w.str("41A", c.AvailableWithBIC+"\r\n"+c.AvailableBy)
	case len(c.AvailableWithName) > 0:
		w.lines("41D", append(append([]string(nil), c.AvailableWithName...), c.AvailableBy))
	}
	w.lines("42C", c.DraftsAt)
	w.party("42", c.Drawee)
	w.lines("42M", c.MixedPayment)
	w.lines("42P", c.DeferredPayment)
	w.str("43P", c.PartialShipments)
	w.str("43T", c.Transhipment)
	w.str("44A", c.PlaceOfReceipt)
	w.str("44E", c.PortOfLoading)
	w.str("44F", c.PortOfDischarge)
	w.str("44B", c.FinalDestination)
	w.date("44C", c.LatestShipment)
	w.lines("44D", c.ShipmentPeriod)
	head := m.Fields
	m.Fields = nil
	w.lines("71D", c.Charges)
	w.str("48", c.PresentationPeriod)
	w.str("49", c.Confirmation)
	w.party("58", c.ConfirmationParty)
	w.party("53", c.ReimbursingBank)
	w.lines("78", c.Instructions)
	w.party("57", c.AdviseThrough)
	w.lines("72Z", c.Information)
	if w.err != nil {
		return nil, w.err
	}
	tail := m.Fields
	budget := maxTextBlock - textLen(head) - textLen(tail) - len("1/8")
	m.Fields = head
	for i, tag := range narrativeTags {
		w.lines(tag, take(i, &budget))
	}
	m.Fields = append(m.Fields, tail...)
	msgs := []*Message{m}
	for left() {
		if len(msgs) == 8 { // 27: at most 8 messages (one MT700 and seven MT701)
			return nil, fieldErr("27", 0, "narrative needs more than one MT700 and seven MT701")
		}
		c701 := &Message{Sender: c.Sender, Receiver: c.Receiver, Type: "701", Input: true, Fields: []Field{{Tag: "27"}}}
		c701.Add("20", c.Number)
		budget := maxTextBlock - textLen(c701.Fields) - len("1/8")
		for i, tag := range narrativeTags {
			c701.Add(tag, joinLines(take(i, &budget)))
		}
		msgs = append(msgs, c701)
	}
	for i, msg := range msgs {
		msg.Fields[0].Value = fmt.Sprintf("%d/%d", i+1, len(msgs)) // 27 Sequence of Total
		if err := Validate(msg); err != nil {
			return nil, err
		}
	}
	return msgs, nil
}

// textLen is the length fields take in block 4 (its leading CRLF included).
func textLen(fs []Field) int {
	n := 2
	for _, f := range fs {
		n += len(":") + len(f.Tag) + len(":") + len(f.Value) + 2
	}
	return n
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
	if err := Validate(main); err != nil {
		return c, err
	}
	total, err := sequenceTotal(main, 1)
	if err != nil {
		return c, err
	}
	if total != len(conts)+1 {
		return c, fieldErr("27", 0, "sequence of total says %d messages, got %d", total, len(conts)+1)
	}
	r := &reader{m: main}
	c = MT700{Sender: main.Sender, Receiver: main.Receiver, FormOfCredit: r.str("40A"), Number: r.str("20"),
		PreAdviceReference: r.str("23"), DateOfIssue: r.date("31C"), ApplicableRules: r.str("40E"),
		ApplicantBank: r.party("51"), Applicant: r.lines("50"), Beneficiary: r.lines("59"),
		AdditionalAmounts: r.lines("39C"), DraftsAt: r.lines("42C"), Drawee: r.party("42"), MixedPayment: r.lines("42M"),
		DeferredPayment: r.lines("42P"), PartialShipments: r.str("43P"), Transhipment: r.str("43T"),
		PlaceOfReceipt: r.str("44A"), PortOfLoading: r.str("44E"), PortOfDischarge: r.str("44F"),
		FinalDestination: r.str("44B"), LatestShipment: r.date("44C"), ShipmentPeriod: r.lines("44D"),
		Charges: r.lines("71D"), PresentationPeriod: r.str("48"), Confirmation: r.str("49"),
		ConfirmationParty: r.party("58"), ReimbursingBank: r.party("53"), Instructions: r.lines("78"),
		AdviseThrough: r.party("57"), Information: r.lines("72Z")}
	for i, n := range c.narratives() {
		*n = r.lines(narrativeTags[i])
	}
	d := r.str("31D") // Validate checked 6!n29x
	c.ExpiryDate, c.ExpiryPlace = r.date6(d[:6]), d[6:]
	if a := r.amount("32B"); a != nil {
		c.Amount = *a
	}
	if v, ok := main.Get("39A"); ok {
		c.TolerancePlus, c.ToleranceMinus, err = ParseTolerance(v)
		r.fail(err)
		c.HasTolerance = true
	}
	if v, ok := main.Get("41A"); ok {
		ls := splitLines(v)
		c.AvailableWithBIC, c.AvailableBy = ls[0], ls[1]
	}
	if v, ok := main.Get("41D"); ok {
		ls := splitLines(v)
		c.AvailableWithName, c.AvailableBy = ls[:len(ls)-1], ls[len(ls)-1]
	}
	if r.err != nil {
		return c, r.err
	}
	return c, c.appendContinuations(conts, total)
}

// appendContinuations checks the MT701s belong to the credit and appends their narrative in
// sequence order.
func (c *MT700) appendContinuations(conts []*Message, total int) error {
	ordered := make([]*Message, len(conts))
	for _, m := range conts {
		if err := Validate(m); err != nil {
			return err
		}
		n, err := sequenceNumber(m, total)
		if err != nil {
			return err
		}
		if n < 2 || n > total || ordered[n-2] != nil {
			return fieldErr("27", 0, "MT701 sequence %d/%d is out of range or repeated", n, total)
		}
		if v, _ := m.Get("20"); v != c.Number {
			return fieldErr("20", 0, "MT701 belongs to credit %q, not %q", v, c.Number)
		}
		ordered[n-2] = m
	}
	for _, m := range ordered {
		for i, n := range c.narratives() {
			v, _ := m.Get(narrativeTags[i])
			*n = append(*n, splitLines(v)...)
		}
	}
	return nil
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

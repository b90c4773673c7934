package swift

import (
	"strconv"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// MT707 is an amendment to a documentary credit.
type MT707 struct {
	Sender, Receiver     string
	Reference            string // 20 sender's reference
	ReceiverReference    string // 21
	IssuingBankReference string // 23
	IssuingBank          *Party // 52a, when the sender is not the issuing bank
	DateOfIssue          time.Time
	AmendmentNumber      int // 26E
	DateOfAmendment      time.Time
	Purpose              string    // 22A: ISSU (issuance), ACNF (advice of confirmation), ICCO (issuance with confirmation)
	NewExpiry            time.Time // 31D with NewExpiryPlace
	NewExpiryPlace       string
	Increase, Decrease   *money.Money // 32B, 33B
	LatestShipment       time.Time
	Goods                []string // 45B
	Documents            []string // 46B
	Conditions           []string // 47B
	ChargesPayableBy     string   // 71N: APPL, BENE
	Information          []string // 72Z
}

// Message renders the amendment.
func (a MT707) Message() (*Message, error) {
	m := &Message{Sender: a.Sender, Receiver: a.Receiver, Type: "707", Input: true}
	w := &writer{m: m}
	w.str("27", "1/1")
	w.str("20", a.Reference)
	w.str("21", a.ReceiverReference)
	w.str("23", a.IssuingBankReference)
	w.party("52", a.IssuingBank)
	w.date("31C", a.DateOfIssue)
	w.str("26E", strconv.Itoa(a.AmendmentNumber))
	w.date("30", a.DateOfAmendment)
	w.str("22A", a.Purpose)
	if !a.NewExpiry.IsZero() {
		w.str("31D", Date6(a.NewExpiry)+a.NewExpiryPlace)
	}
	w.amount("32B", a.Increase)
	w.amount("33B", a.Decrease)
	w.date("44C", a.LatestShipment)
	w.lines("45B", a.Goods)
	w.lines("46B", a.Documents)
	w.lines("47B", a.Conditions)
	w.str("71N", a.ChargesPayableBy)
	w.lines("72Z", a.Information)
	if w.err != nil {
		return nil, w.err
	}
	return m, Validate(m)
}

// ParseMT707 reads an amendment.
func ParseMT707(m *Message) (MT707, error) {
	if err := checkType(m, "707"); err != nil {
		return MT707{}, err
	}
	r := &reader{m: m}
	a := MT707{Sender: m.Sender, Receiver: m.Receiver, Reference: r.str("20"), ReceiverReference: r.str("21"),
		IssuingBankReference: r.str("23"), IssuingBank: r.party("52"), DateOfIssue: r.date("31C"), DateOfAmendment: r.date("30"), Purpose: r.str("22A"),
		Increase: r.amount("32B"), Decrease: r.amount("33B"), LatestShipment: r.date("44C"),
		Goods: r.lines("45B"), Documents: r.lines("46B"), Conditions: r.lines("47B"), ChargesPayableBy: r.str("71N"),
		Information: r.lines("72Z")}
	n, err := strconv.Atoi(r.str("26E"))
	if err != nil || n < 1 {
		r.fail(fieldErr("26E", 0, "%q: want the amendment's number", r.str("26E")))
	}
	a.AmendmentNumber = n
	if d := r.str("31D"); d != "" { // Validate checked 6!n29x
		a.NewExpiry, a.NewExpiryPlace = r.date6(d[:6]), d[6:]
	}
	return a, r.err
}

// MT734 is an advice of refusal (UCP 600 Art. 16(c)): every discrepancy and the disposal of the
// documents in one notice.
type MT734 struct {
	Sender, Receiver  string
	Reference         string // 20
	PresentingBankRef string // 21
	UtilisationDate   time.Time
	Amount            *money.Money // 32A date and amount of utilisation
	ChargesClaimed    []string     // 73A
	TotalClaimed      *money.Money // 33B, with 73A (network rule C1)
	Discrepancies     []string     // 77J
	Disposal          []string     // 77B: /HOLD/, /NOTIFY/, /PREVINST/, /RETURN/ ...
}

// Message renders the refusal.
func (a MT734) Message() (*Message, error) {
	m := &Message{Sender: a.Sender, Receiver: a.Receiver, Type: "734", Input: true}
	w := &writer{m: m}
	w.str("20", a.Reference)
	w.str("21", a.PresentingBankRef)
	w.dateAmount("32A", a.UtilisationDate, a.Amount)
	w.lines("73A", a.ChargesClaimed)
	w.amount("33B", a.TotalClaimed)
	w.lines("77J", a.Discrepancies)
	w.lines("77B", a.Disposal)
	if w.err != nil {
		return nil, w.err
	}
	return m, Validate(m)
}

// ParseMT734 reads a refusal.
func ParseMT734(m *Message) (MT734, error) {
	if err := checkType(m, "734"); err != nil {
		return MT734{}, err
	}
	r := &reader{m: m}
	a := MT734{Sender: m.Sender, Receiver: m.Receiver, Reference: r.str("20"), PresentingBankRef: r.str("21"),
		ChargesClaimed: r.lines("73A"), TotalClaimed: r.amount("33B"), Discrepancies: r.lines("77J"), Disposal: r.lines("77B")}
	a.UtilisationDate, a.Amount = r.dateAmount("32A")
	return a, r.err
}

// Advice is the shape shared by MT750 (advice of discrepancy), MT752 (authorisation to pay,
// accept or negotiate despite discrepancies), MT754 (advice of payment/acceptance/negotiation)
// and MT756 (advice of reimbursement or payment): references, amounts and narrative.
type Advice struct {
	Type             string // "750", "752", "754", "756"
	Sender, Receiver string
	Reference        string       // 20
	RelatedReference string       // 21
	Identification   string       // 23 (MT752): ACCEPT, DEBIT, NEGOTIATE, REIMBURSE, REMITTED, SEE72
	AdviceDate       time.Time    // 30 (MT752): date of the advice of discrepancy or mailing
	Principal        *money.Money // 32B principal / total amount
	PaidOn           time.Time    // 32A (MT754) / 33A (MT756) value date
	Paid             *money.Money // 32A (MT754) / 33A (MT756) amount paid or reimbursed
	Charges          []string     // 71D charges deducted
	Discrepancies    []string     // 77J (MT750)
	Narrative        []string     // 77 (MT754)
	Information      []string     // 72Z
}

// Message renders the advice.
func (a Advice) Message() (*Message, error) {
	if !adviceTypes[a.Type] {
		return nil, &ParseError{Reason: "advice type must be 750, 752, 754 or 756, not " + a.Type}
	}
	m := &Message{Sender: a.Sender, Receiver: a.Receiver, Type: a.Type, Input: true}
	w := &writer{m: m}
	w.str("20", a.Reference)
	w.str("21", a.RelatedReference)
	if a.Type == "752" {
		w.str("23", a.Identification)
		w.date("30", a.AdviceDate)
	}
	switch a.Type {
	case "754":
		w.dateAmount("32A", a.PaidOn, a.Paid)
	default:
		w.amount("32B", a.Principal)
	}
	if a.Type == "756" {
		w.dateAmount("33A", a.PaidOn, a.Paid)
	}
	w.lines("71D", a.Charges)
	w.lines("72Z", a.Information)
	w.lines("77J", a.Discrepancies)
	w.lines("77", a.Narrative)
	if w.err != nil {
		return nil, w.err
	}
	return m, Validate(m)
}

// ParseAdvice reads an MT750, MT752, MT754 or MT756.
func ParseAdvice(m *Message) (Advice, error) {
	if !adviceTypes[m.Type] {
		return Advice{}, &ParseError{Reason: "MT" + m.Type + " is not an MT750, MT752, MT754 or MT756"}
	}
	if err := Validate(m); err != nil {
		return Advice{}, err
	}
	r := &reader{m: m}
	a := Advice{Type: m.Type, Sender: m.Sender, Receiver: m.Receiver, Reference: r.str("20"), RelatedReference: r.str("21"),
		Identification: r.str("23"), AdviceDate: r.date("30"), Principal: r.amount("32B"), Charges: r.lines("71D"),
		Discrepancies: r.lines("77J"), Narrative: r.lines("77"), Information: r.lines("72Z")}
	switch m.Type {
	case "754":
		a.PaidOn, a.Paid = r.dateAmount("32A")
	case "756":
		a.PaidOn, a.Paid = r.dateAmount("33A")
	}
	return a, r.err
}

var adviceTypes = map[string]bool{"750": true, "752": true, "754": true, "756": true}

func checkType(m *Message, want string) error {
	if m.Type != want {
		return &ParseError{Reason: "MT" + m.Type + " is not an MT" + want}
	}
	return Validate(m)
}

package domain

import (
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// A credit another bank issued reaches its advising bank as an MT700; the advising bank's
// systems hand it to tradefin, which registers the credit, ISSUED, for the advising bank to
// advise (UCP 600 Art. 9). Its MT707s become the amendments to advise (Art. 9(d)).

// CreditReceived: the advising bank registered a credit issued to it by MT700.
type CreditReceived struct {
	ID, TradeID      string
	Terms            Terms
	IssueDate        Date // MT700 31C
	PresentableUntil time.Time
	By               Stamp // the advising bank's user who registered it
}

func (CreditReceived) EventName() string { return "lc.CreditReceived" }

// ReceivedCreditID is the ID of the credit an issuing bank numbered number (MT700 20): the same
// message registered twice is the same credit, and an MT707 finds the credit it amends. The
// number's characters outside the API's ID alphabet become '-'.
func ReceivedCreditID(issuingBank BIC, number string) string {
	n := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-' {
			return r
		}
		return '-'
	}, number)
	return issuingBank + "." + n
}

// ReceiveCredit registers a credit issued by t.IssuingBank to its advising bank t.AdvisingBank,
// under ReceivedCreditID (and a trade of that ID). Its terms are checked as an application's are
// (the same rules, one place: Apply), and besides: the issuing and advising banks differ, and the
// credit was issued on or before its expiry.
func ReceiveCredit(t Terms, issued Date, by Stamp, cals Calendars) (*LetterOfCredit, error) {
	var bad InvalidFields
	if t.IssuingBank == "" || t.IssuingBank == t.AdvisingBank {
		bad = append(bad, FieldError{Field: "terms.issuingBank", Reason: "the issuing bank is the message's sender, another bank than its receiver"})
	}
	if issued.IsZero() {
		bad = append(bad, FieldError{Field: "issueDate", Reason: "required: MT700 31C"})
	}
	if len(bad) > 0 {
		return nil, bad
	}
	id := ReceivedCreditID(t.IssuingBank, t.Number)
	applied, err := Apply(id, id, t, cals)
	if err != nil {
		return nil, err
	}
	if issued.After(t.ExpiryDate) {
		return nil, errorf(KindRule, "receive: issued on %s, after the expiry on %s", issued, t.ExpiryDate)
	}
	lc := &LetterOfCredit{}
	lc.record(CreditReceived{ID: id, TradeID: id, Terms: t, IssueDate: issued, PresentableUntil: applied.PresentableUntil, By: by})
	return lc, nil
}

// ReceiveAmendment records an MT707 the credit's issuing bank sent to its advising bank: the
// amendment to advise, awaiting the beneficiary's answer (Art. 10(c)). a.Number is the MT707's
// 26E: the next amendment's number, or an amendment already received (a retry: nothing new).
func (lc *LetterOfCredit) ReceiveAmendment(from BIC, a Amendment) (Amendment, error) {
	if from != lc.Terms.IssuingBank {
		return Amendment{}, errorf(KindForbidden, "receive amendment: %s is not the credit's issuing bank %s", from, lc.Terms.IssuingBank)
	}
	if a.Number >= 1 && a.Number <= len(lc.Amendments) {
		x := lc.Amendments[a.Number-1]
		if x.Date == a.Date && x.NewExpiry == a.NewExpiry && x.NewLatestShipment == a.NewLatestShipment && sameMoney(x.Increase, a.Increase) && sameMoney(x.Decrease, a.Decrease) {
			return x, nil
		}
		return Amendment{}, fmt.Errorf("receive amendment: %w: amendment %d was received with other changes", ErrInvalidState, a.Number)
	}
	if a.Number != len(lc.Amendments)+1 {
		return Amendment{}, errorf(KindRule, "receive amendment: number %d, but the next amendment is %d (MT707 26E)", a.Number, len(lc.Amendments)+1)
	}
	return lc.Amend(a)
}

func (lc *LetterOfCredit) applyReceived(e CreditReceived) {
	lc.ID, lc.TradeID, lc.Terms, lc.PresentableUntil = e.ID, e.TradeID, e.Terms, e.PresentableUntil
	lc.IssueDate, lc.Status = e.IssueDate, StatusIssued
}

func sameMoney(a, b *money.Money) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

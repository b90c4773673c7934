package swiftmap

import (
	"fmt"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The SWIFT side of a confirmed credit and its reimbursement: MT700 49 and 58a, and, when the
// credit names a reimbursing bank (53a), the issuing bank's authorisation to reimburse (MT740)
// and the confirming bank's claim (MT742), both under the ICC's URR 725. Built here as plain
// swift.Message values, each checked by swift.Validate against the standard's field set.

// confirmationCode is MT700 49: WITHOUT when the terms say nothing.
func confirmationCode(t domain.Terms) string {
	if t.Confirmation == "" {
		return string(domain.Without)
	}
	return string(t.Confirmation)
}

// withConfirmationParty sets MT700 58a, the bank asked to confirm, whenever 49 is CONFIRM or MAY
// ADD (the usage rule wants it then): the terms' 58a, else the advising bank.
func withConfirmationParty(c *swift.MT700, t domain.Terms) {
	if b := t.ConfirmingBank(); b != "" {
		c.ConfirmationParty = &swift.Party{Option: "A", BIC: b}
	}
}

// confirmationMessages are the reimbursement messages the credit's history produced: the MT740
// once issued with a reimbursing bank, and an MT742 for each claim made on it.
func confirmationMessages(lc *domain.LetterOfCredit) ([]*swift.Message, error) {
	t := lc.Terms
	if t.ReimbursingBank == "" {
		return nil, nil // the issuing bank reimburses itself: no URR 725 messages
	}
	mt740, err := MT740(lc)
	if err != nil {
		return nil, fmt.Errorf("MT740: %w", err)
	}
	out := []*swift.Message{mt740}
	for _, c := range lc.Reimbursements {
		m, err := MT742(lc, c)
		if err != nil {
			return nil, fmt.Errorf("MT742: %w", err)
		}
		out = append(out, m)
	}
	return out, nil
}

// MT740 is the issuing bank's Authorisation to Reimburse to the reimbursing bank (URR 725 Art.
// 6): 20 credit number, 40F applicable rules, 31D expiry, 32B amount, 39A tolerance, 41A the
// bank the credit is available with (the confirming bank when it confirmed: it is the claiming
// bank) and how, 71A the reimbursing bank's charges (claimed from the claiming bank).
func MT740(lc *domain.LetterOfCredit) (*swift.Message, error) {
	t := lc.Terms
	amount, err := swift.CurrencyAmount(t.Amount)
	if err != nil {
		return nil, err
	}
	with := t.AdvisingBank
	if b := t.ConfirmingBank(); b != "" {
		with = b
	}
	m := &swift.Message{Sender: t.IssuingBank, Receiver: t.ReimbursingBank, Type: "740", Input: true}
	m.Add("20", short(t.Number))
	m.Add("40F", "URR LATEST VERSION")
	m.Add("31D", swift.Date6(civil(t.ExpiryDate))+upper(t.ExpiryPlace, 29))
	m.Add("32B", amount)
	if t.Tolerance != nil {
		m.Add("39A", swift.Tolerance(int(t.Tolerance.PlusPct), int(t.Tolerance.MinusPct)))
	}
	m.Add("41A", with+"\r\nBY PAYMENT")
	m.Add("71A", "CLM")
	return m, swift.Validate(m)
}

// MT742 is the confirming bank's Reimbursement Claim on the reimbursing bank (URR 725 Art. 10):
// 20 its reference, 21 the credit number, 31C the credit's issue date, 52A the issuing bank, 32B
// the principal claimed, 34A the total claimed with its value date.
func MT742(lc *domain.LetterOfCredit, c domain.ReimbursementClaim) (*swift.Message, error) {
	t := lc.Terms
	principal, err := swift.CurrencyAmount(c.Amount)
	if err != nil {
		return nil, err
	}
	m := &swift.Message{Sender: c.By, Receiver: c.From, Type: "742", Input: true}
	m.Add("20", short(lc.ID+"-"+c.PresentationID))
	m.Add("21", short(t.Number))
	m.Add("31C", swift.Date6(civil(lc.IssueDate)))
	m.Add("52A", t.IssuingBank)
	m.Add("32B", principal)
	m.Add("34A", swift.Date6(civil(c.On))+principal)
	return m, swift.Validate(m)
}

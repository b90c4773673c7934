package domain

import (
	"errors"
	"strings"
	"testing"
)

// A confirming bank with no organisation on the trade network is refused at the application
// (and so at a received MT700, which is checked as an application is): a 58a naming a bank
// other than the advising bank is a RefusedField of kind KindRule naming
// terms.requestedConfirmationParty and why; 58a absent or naming the advising bank is accepted.
func TestConfirmingBankMustBeOnTheNetwork(t *testing.T) {
	for _, c := range []struct {
		name    string
		party   BIC
		refused bool
	}{
		{"no 58a: the advising bank confirms", "", false},
		{"58a names the advising bank", "BCOMPTPL", false},
		{"58a names a third bank", "DEUTDEFFXXX", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			terms := credit()
			terms.Confirmation, terms.ConfirmationParty = Confirm, c.party
			_, err := Apply("LC-C", "T-C", terms, cals)
			var rf *RefusedField
			switch {
			case !c.refused && err != nil:
				t.Fatalf("refused: %v", err)
			case c.refused && (!errors.As(err, &rf) || rf.Field != "terms.requestedConfirmationParty" || KindOf(err) != KindRule ||
				!errors.Is(err, ErrConfirmerNotOnNetwork) || !strings.Contains(rf.Reason, "58a") || !strings.Contains(rf.Reason, "no organisation on the trade network")):
				t.Fatalf("got %v (%T), want a refusal of terms.requestedConfirmationParty (MT700 58a) of kind rule", err, err)
			}
		})
	}
	received := credit()
	received.Confirmation, received.ConfirmationParty = Confirm, "DEUTDEFF"
	if _, err := ReceiveCredit(received, NewDate(2026, 11, 2), Stamp{}, cals); !errors.Is(err, ErrConfirmerNotOnNetwork) {
		t.Fatalf("a received MT700 whose 58a names a third bank: %v", err)
	}
}

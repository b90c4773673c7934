package domain

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

// confirmable is credit() with MT700 49 as given, 58a and 53a as given, issued.
func confirmable(t *testing.T, instr ConfirmationInstructions, party, reimbursing BIC) *LetterOfCredit {
	t.Helper()
	terms := credit()
	terms.Confirmation, terms.ConfirmationParty, terms.ReimbursingBank = instr, party, reimbursing
	lc, err := Apply("LC-C", "T-C", terms, cals)
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(NewDate(2026, 11, 2), Stamp{}, FourEyes{}); err != nil {
		t.Fatal(err)
	}
	return lc
}

func TestConfirmationTermsMT700(t *testing.T) {
	cases := []struct {
		name               string
		instr              ConfirmationInstructions
		party, reimbursing BIC
		field              string // "" when valid
	}{
		{"none", "", "", "", ""},
		{"WITHOUT", Without, "", "", ""},
		{"CONFIRM by the advising bank", Confirm, "", "", ""},
		{"MAY ADD by the advising bank named in 58a", MayAdd, "BCOMPTPL", "COBADEFF", ""},
		{"unknown 49 code", "PERHAPS", "", "", "terms.confirmation"},
		{"58a without confirmation (network rule)", Without, "DEUTDEFF", "", "terms.requestedConfirmationParty"},
		{"58a not a BIC", Confirm, "deutdeff", "", "terms.requestedConfirmationParty"},
		{"58a the issuing bank itself", Confirm, "ESSESESS", "", "terms.requestedConfirmationParty"},
		{"53a not a BIC", Confirm, "", "COBA", "terms.reimbursingBank"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			terms := credit()
			terms.Confirmation, terms.ConfirmationParty, terms.ReimbursingBank = c.instr, c.party, c.reimbursing
			_, err := Apply("LC-C", "T-C", terms, cals)
			var fs InvalidFields
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && (!errors.As(err, &fs) || len(fs) != 1 || fs[0].Field != c.field):
				t.Fatalf("got %v, want one invalid field %s", err, c.field)
			}
		})
	}
}

// UCP 600 Art. 8(b): the bank the credit asks to confirm (58a, else the advising bank) adds its
// confirmation; nobody else may, nor on a credit that asks for none.
func TestConfirmArt8(t *testing.T) {
	if err := confirmable(t, Without, "", "").Confirm("BCOMPTPL", NewDate(2026, 11, 3)); KindOf(err) != KindRule {
		t.Fatalf("confirmed a credit whose 49 is WITHOUT: %v", err)
	}
	lc := confirmable(t, Confirm, "", "")
	if lc.Terms.ConfirmingBank() != "BCOMPTPL" {
		t.Fatalf("without 58a the advising bank confirms, got %q", lc.Terms.ConfirmingBank())
	}
	if err := lc.Confirm("DEUTDEFF", NewDate(2026, 11, 3)); !errors.Is(err, ErrNotConfirmingBank) {
		t.Fatalf("another bank confirmed: %v", err)
	}
	if err := lc.Confirm("BCOMPTPL", NewDate(2026, 11, 1)); KindOf(err) != KindInvalid {
		t.Fatalf("confirmed before issue: %v", err)
	}
	if err := lc.Confirm("BCOMPTPL", Date{}); KindOf(err) != KindInvalid {
		t.Fatalf("confirmed without a date: %v", err)
	}
	if err := lc.Confirm("BCOMPTPL", NewDate(2026, 11, 3)); err != nil || lc.Confirmation == nil || lc.Confirmation.By != "BCOMPTPL" {
		t.Fatalf("confirm: %v, %+v", err, lc.Confirmation)
	}
	n := len(lc.Changes())
	if err := lc.Confirm("BCOMPTPL", Date{}); err != nil || len(lc.Changes()) != n {
		t.Fatalf("a retried confirmation: %v, %d events (had %d)", err, len(lc.Changes()), n)
	}
	if err := lc.Confirm("BCOMPTPL", NewDate(2026, 11, 4)); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("confirmed twice on different dates: %v", err)
	}
	named := confirmable(t, MayAdd, "BCOMPTPL", "") // 58a names the advising bank (a third bank is refused: confirming_bank_test.go)
	if err := named.Confirm("DEUTDEFF", NewDate(2026, 11, 3)); !errors.Is(err, ErrNotConfirmingBank) {
		t.Fatalf("another bank confirmed though 58a names the advising bank: %v", err)
	}
	if err := named.Confirm("BCOMPTPL", NewDate(2026, 11, 3)); err != nil {
		t.Fatalf("the 58a bank confirms: %v", err)
	}
	honoured := confirmable(t, Confirm, "", "")
	if _, err := present(honoured, "P-1", complying(), presentedAt, policy); err != nil || honoured.Status != StatusHonoured {
		t.Fatalf("present: %v %s", err, honoured.Status)
	}
	if err := honoured.Confirm("BCOMPTPL", NewDate(2026, 12, 10)); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("confirmed after honour: %v", err)
	}
}

// Art. 8(a), 8(c): a complying presentation to a confirmed credit is honoured by the confirming
// bank, which claims reimbursement from the reimbursing bank (53a) or the issuing bank.
func TestConfirmedHonourAndReimbursementClaim(t *testing.T) {
	for _, c := range []struct {
		reimbursing, from BIC
	}{{"", "ESSESESS"}, {"COBADEFF", "COBADEFF"}} {
		t.Run("claim on "+c.from, func(t *testing.T) {
			lc := confirmable(t, Confirm, "", c.reimbursing)
			if err := lc.ClaimReimbursement("BCOMPTPL", "P-1", NewDate(2026, 12, 9)); KindOf(err) != KindRule {
				t.Fatalf("claimed before confirming: %v", err)
			}
			if err := lc.Confirm("BCOMPTPL", NewDate(2026, 11, 3)); err != nil {
				t.Fatal(err)
			}
			if err := lc.ClaimReimbursement("BCOMPTPL", "P-1", NewDate(2026, 12, 9)); KindOf(err) != KindInvalid {
				t.Fatalf("claimed for no presentation: %v", err)
			}
			toConfirmer := complying()
			toConfirmer.Bank = "BCOMPTPL" // presented to the confirming bank, which examines and honours
			if _, err := present(lc, "P-1", toConfirmer, presentedAt, policy); err != nil || lc.Status != StatusHonoured {
				t.Fatalf("present: %v %s", err, lc.Status)
			}
			if by := lc.Presentations[0].HonouredBy; by != "BCOMPTPL" {
				t.Fatalf("honoured by %q, want the confirming bank", by)
			}
			if err := lc.ClaimReimbursement("ESSESESS", "P-1", NewDate(2026, 12, 9)); !errors.Is(err, ErrNotConfirmingBank) {
				t.Fatalf("the issuing bank claimed from itself: %v", err)
			}
			if err := lc.ClaimReimbursement("BCOMPTPL", "P-1", NewDate(2026, 12, 1)); KindOf(err) != KindInvalid {
				t.Fatalf("claimed before the honour: %v", err)
			}
			if err := lc.ClaimReimbursement("BCOMPTPL", "P-1", NewDate(2026, 12, 9)); err != nil {
				t.Fatal(err)
			}
			want := ReimbursementClaim{PresentationID: "P-1", Amount: lc.DrawingAmount("P-1"), By: "BCOMPTPL", On: NewDate(2026, 12, 9), From: c.from}
			if len(lc.Reimbursements) != 1 || lc.Reimbursements[0] != want || want.Amount.String() != "EUR 100000.00" {
				t.Fatalf("claims %+v, want %+v", lc.Reimbursements, want)
			}
			n := len(lc.Changes())
			if err := lc.ClaimReimbursement("BCOMPTPL", "P-1", NewDate(2026, 12, 10)); err != nil || len(lc.Changes()) != n {
				t.Fatalf("a retried claim: %v, %d events (had %d)", err, len(lc.Changes()), n)
			}
			replayed := &LetterOfCredit{}
			for _, e := range lc.Changes() {
				replayed.Apply(e)
			}
			if replayed.Confirmation == nil || len(replayed.Reimbursements) != 1 || replayed.Presentations[0].HonouredBy != "BCOMPTPL" {
				t.Fatalf("replayed: %+v %+v", replayed.Confirmation, replayed.Reimbursements)
			}
		})
	}
	unconfirmed := issued(t)
	if _, err := present(unconfirmed, "P-1", complying(), presentedAt, policy); err != nil || unconfirmed.Presentations[0].HonouredBy != "" {
		t.Fatalf("an unconfirmed credit is honoured by the issuing bank: %v %q", err, unconfirmed.Presentations[0].HonouredBy)
	}
}

// The confirming bank is a party with its own actions: its trade officers confirm and claim;
// the issuing and advising banks, traders and strangers do not (a 58a bank other than the
// advising bank sees the credit as a party).
func TestAuthorizeConfirmingBank(t *testing.T) {
	confirmer58a := identity.Actor{Org: "DEUTDEFF", OrgKind: identity.Bank, Subject: "dora", Roles: []string{identity.RoleTradeOfficer}}
	for _, c := range []struct {
		name  string
		party BIC
		want  map[string]string // actor → answer to ActConfirm (ActClaimReimbursement the same)
	}{
		{"advising bank confirms", "", map[string]string{"adviser": "ok", "issuer": "403", "exporter": "403", "58a-bank": "404", "auditor": "403"}},
		{"58a bank confirms", "DEUTDEFF", map[string]string{"adviser": "403", "issuer": "403", "exporter": "403", "58a-bank": "ok", "auditor": "403"}},
	} {
		lc := &LetterOfCredit{ID: "LC-1", Terms: credit()}
		lc.Terms.Confirmation, lc.Terms.ConfirmationParty = Confirm, c.party
		actors := map[string]identity.Actor{"adviser": adviser, "issuer": issuerOfficer, "exporter": exporter, "58a-bank": confirmer58a, "auditor": auditor}
		for name, want := range c.want {
			for _, act := range []Action{ActConfirm, ActClaimReimbursement} {
				t.Run(fmt.Sprintf("%s/%s/%s", c.name, act, name), func(t *testing.T) {
					err := Authorize(actors[name], act, lc)
					if got := answer(err); got != want {
						t.Fatalf("%s: %s, want %s", name, got, want)
					}
					if want == "403" && !strings.Contains(err.Error(), "Art. 8") {
						t.Fatalf("the refusal names no rule: %v", err)
					}
				})
			}
		}
		if c.party != "" && answer(Authorize(confirmer58a, ActRead, lc)) != "ok" {
			t.Errorf("the 58a bank cannot read the credit it is asked to confirm")
		}
	}
}

package domain

import (
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

func TestTheIssuingBankProposesAndTheBeneficiaryAnswers(t *testing.T) {
	const exporter, issuing = "5493002AZULEJOSLX028", "ESSESESS"
	officer := identity.Actor{Org: issuing, OrgKind: identity.Bank, Roles: []string{identity.RoleTradeOfficer}}
	beneficiary := identity.Actor{Org: exporter, OrgKind: identity.Trader, Roles: []string{identity.RoleTrader}}
	auditor := identity.Actor{Org: "TRADEREG", OrgKind: identity.Auditor, Roles: []string{identity.RoleAuditor}}
	live := Credit{Status: "ADVISED", Beneficiary: exporter, IssuingBank: issuing}
	proposed := live
	proposed.AmendmentProposed, proposed.CancellationProposed = true, true
	adviser := identity.Actor{Org: "BCOMPTPL", OrgKind: identity.Bank, Roles: []string{identity.RoleTradeOfficer}}
	toAdvise := proposed
	toAdvise.AdvisingBank, toAdvise.AmendmentToAdvise = "BCOMPTPL", true
	applied := live
	applied.Status = "APPLIED"
	for _, c := range []struct {
		name  string
		actor identity.Actor
		c     Credit
		want  []Action
	}{
		{"the issuing bank proposes on a live credit", officer, live, []Action{Amend, Cancel}},
		{"the beneficiary has nothing to answer", beneficiary, live, nil},
		{"the beneficiary answers what is proposed (Art. 10(c))", beneficiary, proposed, []Action{AnswerAmend, AnswerCancel}},
		{"no second proposal while one awaits its answer", officer, proposed, nil},
		{"the advising bank advises it first (Art. 9(d))", adviser, toAdvise, []Action{AdviseAmend}},
		{"the beneficiary answers only what is advised", beneficiary, toAdvise, []Action{AnswerCancel}},
		{"no change before the credit is issued", officer, applied, nil},
		{"the auditor changes nothing", auditor, live, nil},
	} {
		if got := CreditChanges(c.actor, c.c); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

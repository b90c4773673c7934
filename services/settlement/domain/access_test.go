package domain

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

// The dev directory's parties (deploy/devstack's sign-in seed).
func person(kind identity.OrgKind, org, user string, roles ...string) identity.Actor {
	return identity.Actor{Org: org, OrgKind: kind, Subject: user, Client: "tradefin-portal", Roles: roles}
}

var (
	erik  = person(identity.Bank, "ESSESESS", "erik", identity.RoleTradeOfficer)
	sara  = person(identity.Bank, "ESSESESS", "sara", identity.RoleTradeOfficer, identity.RoleApprover)
	perPO = person(identity.Bank, "ESSESESS", "per", identity.RolePaymentsOfficer)
	seb   = identity.Actor{Org: "ESSESESS", OrgKind: identity.Bank, Subject: "seb-backoffice", Client: "seb-backoffice",
		Roles: []string{identity.RoleTradeOfficer, identity.RolePaymentsOfficer}}
	ana   = person(identity.Bank, "BCOMPTPL", "ana", identity.RoleTradeOfficer)
	rui   = person(identity.Bank, "BCOMPTPL", "rui", identity.RoleTradeOfficer, identity.RoleApprover)
	oscar = person(identity.Bank, "OTHRGB2L", "oscar", identity.RoleTradeOfficer, identity.RoleApprover, identity.RolePaymentsOfficer)
	nilsA = person(identity.Bank, "NCLRSESS", "nils", identity.RolePaymentsOfficer)
	nclr  = identity.Actor{Org: "NCLRSESS", OrgKind: identity.Bank, Subject: "nclr-gateway", Client: "nclr-gateway",
		Roles: []string{identity.RolePaymentsOfficer}}
	ingrid  = person(identity.Trader, "5493001NORDICIMP0058", "ingrid", identity.RoleTrader)
	joao    = person(identity.Trader, "5493002AZULEJOSLX028", "joao", identity.RoleTrader)
	marta   = person(identity.Customs, "PT000100", "marta", identity.RoleCustomsOfficer)
	mads    = person(identity.Carrier, "MAEU", "mads", identity.RoleCarrierAgent)
	audra   = person(identity.Auditor, "TRADEREG", "audra", identity.RoleAuditor)
	forged  = identity.Actor{Org: "tradefin", OrgKind: identity.Bank, Subject: "trade-workflow", Client: "tradefin-worker"}
	ESSESxx = person(identity.Bank, "ESSESESSXXX", "per", identity.RolePaymentsOfficer) // the BIC11 form of the same bank
)

func TestAuthorize(t *testing.T) {
	perStamp, eriks := perPO.Stamp(), erik.Stamp()
	released := Parties{Debtor: "ESSESESS", Creditor: "BCOMPTPL", SettlementAgent: "NCLRSESS", RaisedBy: eriks, Maker: &perStamp}
	byWorkflow := released
	wf := identity.Workflow.Stamp()
	byWorkflow.Maker = &wf
	// want: "" allowed; hidden: ErrNotVisible (the API's 404, as a missing payment: a caller who
	// may not see the payment); else the 403 naming that rule (a party without the right).
	allow, hidden := "", "hidden"
	cases := []struct {
		who  string
		a    identity.Actor
		act  Action
		p    Parties
		want string
	}{
		{"debtor trade officer", erik, ActRead, released, allow},
		{"creditor trade officer", ana, ActRead, released, allow},
		{"settlement bank", nilsA, ActRead, released, allow},
		{"auditor", audra, ActRead, released, allow},
		{"other bank", oscar, ActRead, released, hidden},
		{"importer", ingrid, ActRead, released, hidden},
		{"exporter", joao, ActRead, released, hidden},
		{"customs", marta, ActRead, released, hidden},
		{"carrier", mads, ActRead, released, hidden},
		{"workflow (no HTTP reads)", identity.Workflow, ActRead, released, hidden},

		{"debtor payments officer", perPO, ActRelease, released, allow},
		{"debtor back office client", seb, ActRelease, released, allow},
		{"debtor BIC11", ESSESxx, ActRelease, released, allow},
		{"workflow", identity.Workflow, ActRelease, released, allow},
		{"bank claiming the workflow's subject", forged, ActRelease, released, hidden},
		{"debtor trade officer", erik, ActRelease, released, RuleRelease},
		{"debtor approver", sara, ActRelease, released, RuleRelease},
		{"creditor bank", rui, ActRelease, released, RuleRelease},
		{"other bank's payments officer", oscar, ActRelease, released, hidden},
		{"settlement bank", nilsA, ActRelease, released, RuleRelease},
		{"auditor", audra, ActRelease, released, RuleRelease},
		{"importer", ingrid, ActRelease, released, hidden},

		{"debtor approver", sara, ActApprove, released, allow},
		{"debtor approver after the workflow", sara, ActApprove, byWorkflow, allow},
		{"maker holding approver", person(identity.Bank, "ESSESESS", "per", identity.RolePaymentsOfficer, identity.RoleApprover), ActApprove, released, RuleNotOwn},
		{"honourer holding approver", person(identity.Bank, "ESSESESS", "erik", identity.RoleApprover), ActApprove, byWorkflow, RuleNotOwn},
		{"debtor payments officer", perPO, ActApprove, released, RuleApprove},
		{"creditor approver", rui, ActApprove, released, RuleApprove},
		{"other bank's approver", oscar, ActApprove, released, hidden},
		{"workflow", identity.Workflow, ActApprove, byWorkflow, RuleApprove},
		{"auditor", audra, ActApprove, released, RuleApprove},

		{"settlement bank officer", nilsA, ActReportStatus, released, allow},
		{"settlement bank gateway", nclr, ActReportStatus, released, allow},
		{"debtor payments officer", perPO, ActReportStatus, released, allow},
		{"debtor trade officer", erik, ActReportStatus, released, RuleReportStatus},
		{"creditor bank", ana, ActReportStatus, released, RuleReportStatus},
		{"other bank's payments officer", oscar, ActReportStatus, released, hidden},
		{"workflow", identity.Workflow, ActReportStatus, released, RuleReportStatus},
		{"auditor", audra, ActReportStatus, released, RuleReportStatus},
		{"carrier", mads, ActReportStatus, released, hidden},

		{"debtor payments officer", perPO, ActCorrect, released, allow},
		{"debtor back office client", seb, ActCorrect, released, allow},
		{"workflow (a person corrects)", identity.Workflow, ActCorrect, released, RuleCorrect},
		{"debtor approver", sara, ActCorrect, released, RuleCorrect},
		{"settlement bank", nilsA, ActCorrect, released, RuleCorrect},
		{"creditor bank", ana, ActCorrect, released, RuleCorrect},
		{"other bank's payments officer", oscar, ActCorrect, released, hidden},
		{"exporter", joao, ActCorrect, released, hidden},

		{"unknown action", perPO, Action("delete"), released, "unknown action delete"},
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-14s %-40s %s\n", "action", "actor", "answer")
	for _, c := range cases {
		err := Authorize(c.a, c.act, c.p)
		got := "allowed"
		switch {
		case errors.Is(err, ErrNotVisible):
			got = "404 (not visible)"
		case err != nil:
			got = "403"
		}
		fmt.Fprintf(&table, "%-14s %-40s %s\n", c.act, c.who+" ("+c.a.Org+")", got)
		if c.want == allow {
			if err != nil {
				t.Errorf("%s %s: refused: %v", c.who, c.act, err)
			}
			continue
		}
		if c.want == hidden {
			if err != ErrNotVisible {
				t.Errorf("%s %s: got %v, want ErrNotVisible (404, as a missing payment)", c.who, c.act, err)
			}
			continue
		}
		if KindOf(err) != KindForbidden || err.Error() != c.want {
			t.Errorf("%s %s: got %v, want 403 %q", c.who, c.act, err, c.want)
		}
	}
	t.Logf("authorisation matrix:\n%s", table.String())
}

func TestAuthorizeBalances(t *testing.T) {
	for _, c := range []struct {
		a  identity.Actor
		ok bool
	}{{nilsA, true}, {nclr, true}, {audra, true}, {perPO, false}, {ana, false}, {oscar, false}, {joao, false}, {identity.Workflow, false}} {
		err := AuthorizeBalances(c.a, "NCLRSESS")
		if c.ok != (err == nil) || (!c.ok && (KindOf(err) != KindForbidden || err.Error() != RuleBalances)) {
			t.Errorf("%s of %s reads balances: %v", c.a.Subject, c.a.Org, err)
		}
	}
}

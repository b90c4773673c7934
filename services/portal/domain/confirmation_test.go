package domain

import (
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
)

// The confirming bank's officer is offered confirm on a live credit that asks for confirmation,
// then the claim for the presentation it honoured, once; nobody else is offered either.
func TestConfirmingBankDesk(t *testing.T) {
	c := Credit{Status: "ADVISED", Applicant: "5493001NORDICIMP0058", Beneficiary: "5493002AZULEJOSLX028", IssuingBank: "ESSESESS",
		AdvisingBank: "BCOMPTPL", ConfirmingBank: "BCOMPTPL"}
	ana, erik, auditor := identitytest.Ana, identitytest.Erik, identitytest.Audra
	offered := func(a identity.Actor, c Credit) []Action { return ConfirmationActions(a, c) }
	if got := offered(ana, c); !slices.Equal(got, []Action{Confirm}) {
		t.Fatalf("the confirming bank on an advised credit: %v", got)
	}
	for _, a := range []identity.Actor{erik, auditor, identitytest.Joao, identitytest.Oscar} {
		if got := offered(a, c); len(got) != 0 {
			t.Errorf("%s/%s offered %v", a.Org, a.Subject, got)
		}
	}
	if got := offered(ana, Credit{Status: "ADVISED", AdvisingBank: "BCOMPTPL"}); len(got) != 0 {
		t.Errorf("a credit that asks for no confirmation: %v", got)
	}
	c.Confirmed, c.Status = true, "HONOURED"
	c.Presentations = []Presentation{{ID: "P-1", Honoured: true, HonouredBy: "BCOMPTPL"}}
	if got := offered(ana, c); !slices.Equal(got, []Action{ClaimReimbursement}) || c.Claimable("BCOMPTPL") != "P-1" {
		t.Fatalf("after its honour: %v", got)
	}
	c.Presentations[0].Claimed = true
	if got := offered(ana, c); len(got) != 0 {
		t.Errorf("after its claim: %v", got)
	}
}

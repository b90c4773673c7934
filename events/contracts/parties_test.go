package contracts

import (
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

func TestPartiesOfAnEvent(t *testing.T) {
	applied := Envelope{Type: "lc.applied.v1", Data: &LCApplied{TradeID: "T-1", Actor: identity.Stamp{Org: "5493001NORDICIMP0058", User: "ingrid", Client: "tradectl"},
		ApplicantOrg: "5493001NORDICIMP0058", BeneficiaryOrg: "5493002AZULEJOSLX028", IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL"}}
	if got, want := Parties(applied), []string{"5493001NORDICIMP0058", "5493002AZULEJOSLX028", "BCOMPTPL", "ESSESESS"}; !slices.Equal(got, want) {
		t.Errorf("applied: %v, want %v", got, want)
	}
	cleared := Envelope{Type: "customs.export_cleared.v1", Data: &ExportCleared{TradeID: "T-1", Actor: identity.Stamp{Org: "PT000100", User: "marta"}}}
	if got := Parties(cleared); !slices.Equal(got, []string{"PT000100"}) {
		t.Errorf("cleared: %v", got)
	}
	byWorkflow := Envelope{Data: &PaymentInitiated{TradeID: "T-1", Actor: identity.Workflow.Stamp()}}
	if got := Parties(byWorkflow); len(got) != 0 {
		t.Errorf("the workflow is no party: %v", got)
	}
	if got := ActorOf(nil); got != (identity.Stamp{}) {
		t.Errorf("no event: %v", got)
	}
}

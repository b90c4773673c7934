package trade

import (
	"testing"

	"github.com/tradefin/tradefin/chaincode/rules"
)

// Every milestone an event makes is one the chaincode knows, so it has an organisation to commit it.
func TestEveryEventMilestoneHasAnEntitledOrganisation(t *testing.T) {
	for _, typ := range append(happyPath, "lc.documents_refused.v1", "lc.discrepancies_waived.v1", "lc.expired.v1", "lc.cancelled.v1") {
		m := milestoneFor(typ)
		if typ == "customs.transport_event.v1" {
			if m != "" {
				t.Errorf("a transport event makes milestone %s", m)
			}
			continue
		}
		if m == "" || rules.EntitledOrg(m) == "" {
			t.Errorf("%s makes milestone %q, which no organisation may commit", typ, m)
		}
	}
}

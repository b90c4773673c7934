package domain

import (
	"slices"
	"testing"
)

// Each agent reads the topics its milestones can be justified from, and only those: the Kafka
// ACLs (deploy/devstack/kafkabroker) grant exactly these.
func TestTopicsAreWhatEachOrganisationsMilestonesNeed(t *testing.T) {
	for org, want := range map[string][]string{
		importer:    {"tradefin.customs.v1", "tradefin.lc.v1", "tradefin.settlement.v1"}, // CLOSED follows customs' release
		exporter:    {"tradefin.lc.v1"},
		customs:     {"tradefin.customs.v1"},
		"NoSuchMSP": nil,
	} {
		if got := Topics(org); !slices.Equal(got, want) {
			t.Errorf("Topics(%s) = %v, want %v", org, got, want)
		}
	}
}

// The index keeps the events that stand for milestones, among them every type Justify checks
// the derived milestones against, and no other.
func TestTheIndexKeepsTheEventsThatStandForMilestones(t *testing.T) {
	for _, typ := range []string{applied, honoured, released, "lc.issued.v1", "customs.export_cleared.v1", "settlement.payment_settled.v1"} {
		if !Indexed(typ) {
			t.Errorf("%s is not indexed; it justifies a milestone", typ)
		}
	}
	for _, typ := range []string{"customs.transport_event.v1", "customs.document_registered.v1", "settlement.payment_initiated.v1", "no.such.v1"} {
		if Indexed(typ) {
			t.Errorf("%s is indexed; it justifies nothing", typ)
		}
	}
}

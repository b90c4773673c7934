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

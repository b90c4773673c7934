package trade

import (
	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// milestoneFor is the ledger milestone an integration event makes ("" for events that are not
// milestones): contracts' table, which the ledger agents check against too.
func milestoneFor(eventType string) rules.Type {
	return rules.Type(contracts.Milestone(eventType))
}

// nextReady finds the first pending milestone the chaincode would accept after last: services
// publish on separate topics, so a customs clearance may arrive before the credit's acceptance
// even though the ledger wants them the other way round.
func nextReady(pending []Milestone, last string) (int, bool) {
	for i, m := range pending {
		if rules.Check(rules.Type(m.Name), rules.Type(last), m.MSPID) == nil {
			return i, true
		}
	}
	return 0, false
}

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

// batchMilestonesChange versions the workflow's batching of ready milestones (commitRun):
// histories recorded before it commit one milestone per activity and replay that way.
const batchMilestonesChange = "batch-ready-milestones"

// readyRun is the pending milestones (indexes into pending, first at i, which is ready) that
// can be committed in one ledger activity: each the one nextReady would pick after the one
// before, all of one organisation (one agent signs them), and none before the last calling for
// a step of the workflow's own (instructing payment after HONOURED, closing after
// IMPORT_RELEASED, ending after EXPIRED or CANCELLED), which must come between.
func readyRun(pending []Milestone, i int) []int {
	run := []int{i}
	for used := map[int]bool{i: true}; ; {
		last := pending[run[len(run)-1]]
		switch rules.Type(last.Name) {
		case rules.Honoured, rules.ImportReleased, rules.Expired, rules.Cancelled:
			return run
		}
		// The one the single-milestone path would take next (the first accepted, in arrival
		// order), and only if the same organisation commits it: batching never reorders.
		next := -1
		for j, m := range pending {
			if !used[j] && rules.Check(rules.Type(m.Name), rules.Type(last.Name), m.MSPID) == nil {
				next = j
				break
			}
		}
		if next < 0 || pending[next].MSPID != last.MSPID {
			return run
		}
		run, used[next] = append(run, next), true
	}
}

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

// paymentFailed is the event the workflow drives the payment again on.
const paymentFailed = "settlement.payment_failed.v1"

// Signalled reports whether the workflow acts on events of the type, so the bridge signals only
// those (every signal is a Temporal round trip and a history event): the events that make a
// milestone, and a failed payment. Declarations lodged, duties assessed, transport events and
// payments initiated change nothing the workflow decides.
func Signalled(eventType string) bool {
	return milestoneFor(eventType) != "" || eventType == paymentFailed
}

// nextReady finds the first pending milestone, in arrival order, whose prerequisites are on the
// ledger (s): services publish on separate topics, so a milestone may arrive before one it needs.
func nextReady(pending []Milestone, s rules.State) (int, bool) {
	for i, m := range pending {
		if rules.CheckDrawing(rules.Type(m.Name), m.Drawing, s, m.MSPID) == nil {
			return i, true
		}
	}
	return 0, false
}

// stepAfter: a milestone after which the workflow takes a step of its own (instructing payment
// after HONOURED, closing after IMPORT_RELEASED and SETTLED, ending after EXPIRED or CANCELLED),
// so no batch runs past it.
func stepAfter(m rules.Type) bool {
	switch m {
	case rules.Honoured, rules.ImportReleased, rules.Settled, rules.LCFullyDrawn:
		return true
	}
	return rules.Ends(m)
}

// readyRun is the pending milestones (indexes into pending, first at i, which is ready on s)
// that can be committed in one ledger activity: each the one nextReady would pick after the one
// before, all of one organisation (one agent signs them), and none before the last calling for
// a step of the workflow's own (stepAfter).
func readyRun(pending []Milestone, i int, s rules.State) []int {
	run := []int{i}
	s = s.AfterDrawing(rules.Type(pending[i].Name), pending[i].Drawing)
	for used := map[int]bool{i: true}; ; {
		last := pending[run[len(run)-1]]
		if stepAfter(rules.Type(last.Name)) {
			return run
		}
		// The one the single-milestone path would take next (the first accepted, in arrival
		// order), and only if the same organisation commits it: batching never reorders.
		next := -1
		for j, m := range pending {
			if !used[j] && rules.CheckDrawing(rules.Type(m.Name), m.Drawing, s, m.MSPID) == nil {
				next = j
				break
			}
		}
		if next < 0 || pending[next].MSPID != last.MSPID {
			return run
		}
		run, used[next] = append(run, next), true
		s = s.AfterDrawing(rules.Type(pending[next].Name), pending[next].Drawing)
	}
}

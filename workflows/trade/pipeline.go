package trade

import (
	"errors"
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/ledger"
)

// pipelinedCommitsChange versions pipelined commits: every milestone ready in a row (each one's
// prerequisites on the ledger once the ones before it in the row are) is scheduled at once, one
// batch per run of one organisation's milestones, each batch on its organisation's ledger queue
// waiting for the batch before it on the ledger itself (ledger.RecordAfterActivity). A trade's
// commits then follow each other at the ledger's pace instead of a Temporal round trip
// (activity result, workflow task, next activity) apart, and CLOSED goes in the same row as the
// milestone that makes it due. What is recorded is the same: the same milestones (of the same
// drawings) in the order the one-at-a-time path takes, each signed by its own organisation.
// Runs whose history has no marker commit one batch at a time, as before.
const pipelinedCommitsChange = "pipelined-commits"

// groupedRowsChange versions rows grouped by organisation: while a row is built, the next
// milestone is the first ready one of the organisation whose milestone came last, while it has
// one; then the row turns to an organisation that has nothing left waiting on another's
// (firstReady). Each organisation's ready milestones so form one batch, one transaction, and the
// trade waits for fewer blocks (a lone trade's row after LC_APPLIED in four instead of six). Between
// two organisations the ledger's order is the chaincode's partial order either way (each
// milestone is still checked against what is before it), and a milestone that ends the trade is
// never moved ahead of one that came before it.
const groupedRowsChange = "grouped-rows"

// pipelined says whether this run pipelines its commits; asked once, at the run's first commit
// round, so the marker has one place in every history. Whether its rows are grouped by
// organisation is asked at the same place.
func (t *tradeRun) pipelined(ctx workflow.Context) bool {
	if t.pipeline == 0 {
		t.pipeline = 1
		if changeVersion(ctx, pipelinedCommitsChange) >= 1 {
			t.pipeline = 2
			t.grouped = changeVersion(ctx, groupedRowsChange) >= 1
		}
	}
	return t.pipeline == 2
}

// commitRows commits rows of ready milestones until none is ready.
func (t *tradeRun) commitRows(ctx workflow.Context) {
	for t.st.Status == StatusRunning {
		row := readyRow(t.st.Pending, t.ledger, t.closeDue, t.grouped)
		if len(row) == 0 {
			return
		}
		t.commitRow(ctx, row)
	}
}

// closeDue is the CLOSED milestone when the ledger at s lets the issuing bank close the trade
// and it has not tried to: the one-at-a-time path closes right after the milestone that makes
// CLOSED acceptable (the release, the settlement, the reimbursement, the credit finished).
func (t *tradeRun) closeDue(s rules.State, row []Milestone) (Milestone, bool) {
	if rules.Check(rules.Closed, s, rules.EntitledOrg(rules.Closed)) != nil ||
		slices.ContainsFunc(t.st.Milestones, func(m Milestone) bool { return m.Name == string(rules.Closed) }) {
		return Milestone{}, false
	}
	isRelease := func(m Milestone) bool { return m.Name == string(rules.ImportReleased) && m.Error == "" }
	if i := slices.IndexFunc(row, isRelease); i >= 0 {
		return closedMilestone(row[i]), true
	}
	if i := slices.IndexFunc(t.st.Milestones, isRelease); i >= 0 {
		return closedMilestone(t.st.Milestones[i]), true
	}
	return Milestone{}, false
}

// readyRow is the row of milestones the one-at-a-time path would commit one after another from
// the ledger at s: each the first pending one, in arrival order, that the chaincode accepts
// (of its drawing) after those before it, CLOSED (from closing) as soon as it is due, ending
// where the trade ends. grouped (groupedRowsChange) takes the next of the organisation whose
// milestone is last in the row while it has one, then turns to the organisation firstReady
// picks.
func readyRow(pending []Milestone, s rules.State, closing func(rules.State, []Milestone) (Milestone, bool), grouped bool) []Milestone {
	var row []Milestone
	used := map[int]bool{}
	for {
		if m, ok := closing(s, row); ok {
			return append(row, m)
		}
		next := -1
		if grouped && len(row) > 0 {
			next = nextOfOrganisation(pending, used, s, row[len(row)-1].MSPID)
		}
		if next < 0 {
			next = firstReady(pending, used, s, grouped)
		}
		if next < 0 {
			return row
		}
		m := pending[next]
		row, used[next] = append(row, m), true
		s = s.AfterDrawing(rules.Type(m.Name), m.Drawing)
		if s.Ended() {
			return row
		}
	}
}

// ready says whether the chaincode takes the pending milestone next, and whether it ends the trade.
func ready(m Milestone, s rules.State) (ok, ends bool) {
	if rules.CheckDrawing(rules.Type(m.Name), m.Drawing, s, m.MSPID) != nil {
		return false, false
	}
	return true, s.AfterDrawing(rules.Type(m.Name), m.Drawing).Ended()
}

// nextOfOrganisation is the first ready pending milestone of org that does not end the trade, if
// the first ready one of all does not end it either (the end is never passed); -1 for none.
func nextOfOrganisation(pending []Milestone, used map[int]bool, s rules.State, org string) int {
	for j, m := range pending {
		if used[j] {
			continue
		}
		ok, ends := ready(m, s)
		if ok && ends {
			return -1
		}
		if ok && m.MSPID == org {
			return j
		}
	}
	return -1
}

// firstReady is the first ready pending milestone in arrival order; grouped, the first of an
// organisation that then has nothing left waiting on another's milestones, when there is one
// and nothing before it ends the trade: an organisation whose next milestone needs another's
// goes after that one, so it takes all of its milestones in one batch. -1 for none.
func firstReady(pending []Milestone, used map[int]bool, s rules.State, grouped bool) int {
	first := -1
	for j, m := range pending {
		if used[j] {
			continue
		}
		ok, ends := ready(m, s)
		if !ok {
			continue
		}
		if first < 0 {
			first = j
		}
		if ends || !grouped {
			return first
		}
		if !leavesBlocked(pending, used, s, m.MSPID) {
			return j
		}
	}
	return first
}

// leavesBlocked says whether org's batch from s (its ready milestones, one after another) leaves
// milestones of org pending that only another organisation's can unblock.
func leavesBlocked(pending []Milestone, used map[int]bool, s rules.State, org string) bool {
	taken := map[int]bool{}
	for progress := true; progress; {
		progress = false
		for j, m := range pending {
			if used[j] || taken[j] || m.MSPID != org {
				continue
			}
			if ok, ends := ready(m, s); ok && !ends {
				taken[j], progress = true, true
				s = s.AfterDrawing(rules.Type(m.Name), m.Drawing)
			}
		}
	}
	for j, m := range pending {
		if !used[j] && !taken[j] && m.MSPID == org {
			return true
		}
	}
	return false
}

// segments cuts a row into runs of one organisation's milestones: one batch, one agent, each.
func segments(row []Milestone) [][]Milestone {
	var out [][]Milestone
	for i, m := range row {
		if i == 0 || m.MSPID != row[i-1].MSPID {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], m)
	}
	return out
}

// commitRow schedules every batch of the row at once and takes their outcomes in order. A batch
// that committed only part of its milestones, or failed, ends the row: the batches after it are
// cancelled and their milestones stay pending for the next row (a refusal among them then comes
// back on its own); a batch whose predecessor never reached the ledger is handed back too.
func (t *tradeRun) commitRow(ctx workflow.Context, row []Milestone) {
	segs := segments(row)
	cctx, cancel := workflow.WithCancel(ctx)
	defer cancel()
	fs := make([]workflow.Future, len(segs))
	for k, seg := range segs {
		var after *Milestone
		if k > 0 {
			after = &segs[k-1][len(segs[k-1])-1]
		}
		fs[k] = recordAfterFuture(cctx, t.st.TradeID, seg, after, t.maxBackoff)
	}
	t.closeQueued = row[len(row)-1].Name == string(rules.Closed)
	defer func() { t.closeQueued = false }()
	for k, seg := range segs {
		var rs []ledger.Receipt
		err := t.awaitFuture(ctx, "commit "+seg[0].Name, fs[k], cancel, &rs)
		var app *temporal.ApplicationError
		if errors.As(err, &app) && app.Type() == ledger.PredecessorMissingErrorType {
			return
		}
		done := len(rs)
		if err != nil {
			done = 1 // the first of the batch failed: it goes on the timeline with its error
		}
		t.st.Pending = slices.DeleteFunc(slices.Clone(t.st.Pending), func(p Milestone) bool {
			return slices.ContainsFunc(seg[:done], func(m Milestone) bool { return m.EventID == p.EventID })
		})
		for i, r := range rs {
			t.settleInRow(ctx, seg[i], commitResult{receipt: r})
		}
		if err != nil {
			t.settleInRow(ctx, seg[0], commitResult{err: err})
		}
		if err != nil || len(rs) < len(seg) || t.st.Status != StatusRunning {
			return
		}
	}
}

// settleInRow is settle, and for CLOSED what close does after it. A row can reach CLOSED while
// an instruction the workflow gave settlement (the payment, a reimbursement) has not answered
// yet (the milestones no longer wait a round trip each), so the trade ends once settlement has
// answered, or after instructionGrace.
func (t *tradeRun) settleInRow(ctx workflow.Context, m Milestone, c commitResult) {
	t.settle(ctx, m, c)
	if m.Name != string(rules.Closed) || !t.ledger.Has(rules.Closed) {
		return
	}
	t.st.Status = StatusClosed
	instructed := func() bool {
		return !t.st.Payment.Due && !t.st.Reimbursement.Due && !hasWait(t.st.Waits, waitPayment) && !hasWait(t.st.Waits, waitReimbursement)
	}
	if !instructed() { // no timer when nothing is in flight
		_, _ = workflow.AwaitWithTimeout(ctx, instructionGrace, instructed)
	}
}

// instructionGrace bounds how long a closed trade waits for settlement to answer an instruction.
const instructionGrace = time.Minute

// closedMilestone is CLOSED, fingerprinted by the release's event ID (the ledger agent checks
// that derivation).
func closedMilestone(released Milestone) Milestone {
	return Milestone{Name: string(rules.Closed), MSPID: rules.EntitledOrg(rules.Closed), EventID: released.EventID + "/closed",
		SHA256: sha256Hex(released.EventID + "/closed"), trace: released.trace}
}

// recordAfterFuture starts a pipelined batch on its organisation's ledger queue: it waits for
// after (the last milestone of the batch before; nil for the row's first) to be on the ledger.
// A predecessor that never came is final for the activity, not for the milestones.
func recordAfterFuture(ctx workflow.Context, tradeID string, seg []Milestone, after *Milestone, maxBackoff time.Duration) workflow.Future {
	o := recordOptions(seg[0].MSPID, maxBackoff)
	o.RetryPolicy.NonRetryableErrorTypes = append(slices.Clone(o.RetryPolicy.NonRetryableErrorTypes), ledger.PredecessorMissingErrorType)
	ctx = workflow.WithActivityOptions(ctx, o)
	in := ledger.RecordAfterInput{Milestones: make([]ledger.RecordInput, len(seg))}
	for i, m := range seg {
		in.Milestones[i] = recordInput(tradeID, m)
	}
	if after != nil {
		a := recordInput(tradeID, *after)
		in.After = &a
	}
	return workflow.ExecuteActivity(ctx, ledger.RecordAfterActivity, in)
}

// recordInput asks for one milestone; one the workflow makes itself is fingerprinted by its ID.
func recordInput(tradeID string, m Milestone) ledger.RecordInput {
	hash := m.SHA256
	if hash == "" {
		hash = sha256Hex(m.EventID)
	}
	return ledger.RecordInput{TradeID: tradeID, Milestone: m.Name, SHA256: hash, Trace: m.trace, Drawing: m.Drawing}
}

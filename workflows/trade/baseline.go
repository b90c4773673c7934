package trade

import "go.temporal.io/sdk/workflow"

// baselineChange puts every change before it behind one marker. A run that begins on code with
// the baseline takes each change in baselineChanges at its version 1 without asking
// workflow.GetVersion, so its history holds one version marker and one TemporalChangeVersion
// upsert instead of one of each a change (a visibility write each on the Temporal server, ten
// in a lone trade's run before this). A run that began before the baseline has no marker at its
// first command: it asks GetVersion change by change as it always did, so its history replays as
// before. A change made after the baseline asks GetVersion in every run, as usual.
const baselineChange = "baseline-2026-12"

// baselineChanges are the changes the baseline holds, each at version 1.
var baselineChanges = map[string]bool{
	lifecycleChange: true, examinationDeadlineChange: true, drawingsChange: true, receivedCreditChange: true,
	reimbursementRetryChange: true, discountingChange: true, pipelinedCommitsChange: true, groupedRowsChange: true,
	stuckWatchChange: true, instructAttemptChange: true, maturityChange: true, drawingMaturityChange: true,
	instalmentsChange: true, confirmationChange: true,
}

type baselineKey struct{}

// withBaseline asks, at the run's first command, whether the run began on the baseline, and
// keeps the answer in the context every coroutine of the run derives from.
func withBaseline(ctx workflow.Context) workflow.Context {
	on := workflow.GetVersion(ctx, baselineChange, workflow.DefaultVersion, 1) == 1
	return workflow.WithValue(ctx, baselineKey{}, on)
}

// changeVersion is the run's version of a change whose newest version is 1: 1 for a run on the
// baseline, else workflow.GetVersion's answer.
func changeVersion(ctx workflow.Context, change string) workflow.Version {
	if on, _ := ctx.Value(baselineKey{}).(bool); on && baselineChanges[change] {
		return 1
	}
	return workflow.GetVersion(ctx, change, workflow.DefaultVersion, 1)
}

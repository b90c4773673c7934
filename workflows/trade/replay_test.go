package trade

import (
	"path/filepath"
	"testing"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// TestRecordedHistoriesReplay replays every recorded history (testdata, written by
// record_histories_test.go on the real Temporal server) against today's workflow code: a change
// to the workflow's logic without workflow.GetVersion makes a recorded history replay different
// commands, and the replayer fails with a nondeterminism error.
func TestRecordedHistoriesReplay(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "history-*.json"))
	if err != nil || len(files) < 5 {
		t.Fatalf("recorded histories: %v (%v)", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := worker.NewWorkflowReplayer()
			r.RegisterWorkflow(Workflow)
			if err := r.ReplayWorkflowHistoryFromJSONFile(nil, f); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestTheReplayCatchesAnUnversionedChange: the same histories from before lifecycleChange,
// replayed against today's logic without its workflow.GetVersion, fail — the replay test would
// catch a change made without versioning.
func TestTheReplayCatchesAnUnversionedChange(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "history-v0-*.json"))
	if len(files) == 0 {
		t.Fatal("no v0 histories")
	}
	for _, f := range files {
		r := worker.NewWorkflowReplayer()
		r.RegisterWorkflowWithOptions(lifecycle, workflow.RegisterOptions{Name: "Workflow"})
		if err := r.ReplayWorkflowHistoryFromJSONFile(nil, f); err == nil {
			t.Errorf("%s replays against the unversioned change", f)
		}
	}
}

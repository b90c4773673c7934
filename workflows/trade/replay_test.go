package trade

import (
	"path/filepath"
	"testing"

	"go.temporal.io/sdk/worker"
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

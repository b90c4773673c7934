package trade

import (
	"encoding/json"
	"os"
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

// TestARunOnTheBaselineHasOneVersionMarker (baselineChange): a run begun on today's code records
// one version marker and one TemporalChangeVersion upsert, not one of each a change. The v7
// histories were recorded on it, and TestRecordedHistoriesReplay proves today's code makes
// exactly their commands.
func TestARunOnTheBaselineHasOneVersionMarker(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "history-v7-happy-path.json"))
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Events []struct {
			EventType string `json:"eventType"`
		} `json:"events"`
	}
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, e := range h.Events {
		counts[e.EventType]++
	}
	if counts["EVENT_TYPE_MARKER_RECORDED"] != 1 || counts["EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES"] != 1 {
		t.Fatalf("a run on the baseline: %d markers, %d search-attribute upserts; want one of each", counts["EVENT_TYPE_MARKER_RECORDED"], counts["EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES"])
	}
}

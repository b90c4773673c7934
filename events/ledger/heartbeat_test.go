package ledger

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
)

// A commit slower than the heartbeat interval keeps its attempt alive: it heartbeats while it
// runs (the SDK may throttle several into one), and stops when it returns.
func TestASlowCommitHeartbeatsWhileItRuns(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	var beats atomic.Int64
	env.SetOnActivityHeartbeatListener(func(*activity.Info, converter.EncodedValues) { beats.Add(1) })
	const every = 50 * time.Millisecond
	slowCommit := func(ctx context.Context) (string, error) {
		return heartbeatingEvery(ctx, every, func(context.Context) (string, error) {
			time.Sleep(every + every/2)
			return "committed", nil
		})
	}
	env.RegisterActivity(slowCommit)
	v, err := env.ExecuteActivity(slowCommit)
	if err != nil {
		t.Fatal(err)
	}
	var got string
	if err := v.Get(&got); err != nil || got != "committed" {
		t.Fatalf("the commit's result: %q, %v", got, err)
	}
	after := beats.Load()
	if after == 0 {
		t.Fatal("no heartbeat over a commit longer than the heartbeat interval")
	}
	time.Sleep(every + every/2)
	if beats.Load() != after {
		t.Fatal("the heartbeats went on after the commit returned")
	}
}

// Outside an activity (a direct call) Heartbeating only runs the commit.
func TestHeartbeatingOutsideAnActivityOnlyRuns(t *testing.T) {
	got, err := Heartbeating(context.Background(), func(context.Context) (int, error) { return 7, nil })
	if got != 7 || err != nil {
		t.Fatalf("%d, %v", got, err)
	}
}

//go:build !unit

package integration_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

const approveSignal = "approve"

// approvalWorkflow waits for an approval signal, then a timer, then runs an activity; a query
// exposes its state throughout. It is the smallest workflow with every primitive trades use.
func approvalWorkflow(ctx workflow.Context, name string) (string, error) {
	state := "waiting for approval"
	if err := workflow.SetQueryHandler(ctx, "state", func() (string, error) { return state, nil }); err != nil {
		return "", err
	}
	var approver string
	workflow.GetSignalChannel(ctx, approveSignal).Receive(ctx, &approver)
	state = "approved by " + approver + ", cooling off"
	if err := workflow.Sleep(ctx, 2*time.Second); err != nil {
		return "", err
	}
	state = "greeting"
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 10 * time.Second})
	var out string
	if err := workflow.ExecuteActivity(ctx, greet, name, approver).Get(ctx, &out); err != nil {
		return "", err
	}
	state = "done"
	return out, nil
}

func greet(_ context.Context, name, approver string) (string, error) {
	return fmt.Sprintf("hello %s, approved by %s", name, approver), nil
}

func startWorker(t *testing.T, c client.Client, queue string) worker.Worker {
	t.Helper()
	w := worker.New(c, queue, worker.Options{})
	w.RegisterWorkflow(approvalWorkflow)
	w.RegisterActivity(greet)
	if err := w.Start(); err != nil {
		t.Fatalf("start worker: %v", err)
	}
	return w
}

func queryState(t *testing.T, c client.Client, id string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v, err := c.QueryWorkflow(ctx, id, "", "state")
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	var s string
	if err := v.Get(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTemporalWorkflowSurvivesWorkerRestart: signal, timer, activity and query on the real dev
// server; the worker is stopped while the workflow waits and a new worker finishes it.
func TestTemporalWorkflowSurvivesWorkerRestart(t *testing.T) {
	c, err := client.Dial(client.Options{HostPort: testenv.TemporalAddress(t), Namespace: "default"})
	if err != nil {
		t.Fatalf("dial temporal: %v", err)
	}
	defer c.Close()
	queue, id := uniqueName("it-queue"), uniqueName("it-approval")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()

	w := startWorker(t, c, queue)
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: queue}, approvalWorkflow, "exporter")
	if err != nil {
		t.Fatalf("start workflow: %v", err)
	}
	waitFor(t, func() bool { return queryState(t, c, id) == "waiting for approval" })

	w.Stop() // the worker goes away mid-workflow
	if err := c.SignalWorkflow(ctx, id, "", approveSignal, "issuing-bank"); err != nil {
		t.Fatalf("signal: %v", err)
	}
	w2 := startWorker(t, c, queue) // a new worker replays the history and carries on
	defer w2.Stop()

	var out string
	if err := run.Get(ctx, &out); err != nil {
		t.Fatalf("workflow failed: %v", err)
	}
	if want := "hello exporter, approved by issuing-bank"; out != want {
		t.Fatalf("result = %q, want %q", out, want)
	}
	if s := queryState(t, c, id); s != "done" {
		t.Fatalf("final state = %q, want done", s)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 20s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

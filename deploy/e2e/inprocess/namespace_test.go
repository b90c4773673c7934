//go:build !unit

package inprocess_test

import (
	"context"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/deploy/e2e/inprocess"
)

// TestAFreshNamespaceHasNothingLeftOpen: on the real Temporal server, a run an earlier platform
// left open in the namespace (here one no worker ever serves) is terminated by FreshNamespace.
func TestAFreshNamespaceHasNothingLeftOpen(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	addr := testenv.TemporalAddress(t)
	const namespace = "tradefin-inprocess-test"
	if err := inprocess.FreshNamespace(ctx, addr, namespace); err != nil {
		t.Fatalf("register the namespace: %v", err)
	}
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: namespace})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	left, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "left-open-" + t.Name(), TaskQueue: "nobody-serves-this"}, "Abandoned")
	if err != nil {
		t.Fatal(err)
	}

	if err := inprocess.FreshNamespace(ctx, addr, namespace); err != nil {
		t.Fatalf("the namespace again: %v", err)
	}

	d, err := c.DescribeWorkflowExecution(ctx, left.GetID(), left.GetRunID())
	if err != nil {
		t.Fatal(err)
	}
	if got := d.GetWorkflowExecutionInfo().GetStatus(); got != enums.WORKFLOW_EXECUTION_STATUS_TERMINATED {
		t.Fatalf("the run left open is %s, want terminated", got)
	}
}

package trade

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/protobuf/types/known/durationpb"
)

// benchNamespace is the Temporal namespace the bench's platform runs in. The test stack's default
// namespace keeps what other runs left: a trade of a failed end-to-end test whose platform is gone
// still has its payment instructed every second or so, and the bench's settlement worker, serving
// the same task queue, would take those tasks and spend the round's CPU on them.
const benchNamespace = "tradefin-bench"

// freshNamespace registers benchNamespace if it is missing, terminates whatever an interrupted run
// left open in it, and returns once it serves requests.
func freshNamespace(ctx context.Context, addr string) error {
	nc, err := client.NewNamespaceClient(client.Options{HostPort: addr})
	if err != nil {
		return err
	}
	defer nc.Close()
	err = nc.Register(ctx, &workflowservice.RegisterNamespaceRequest{Namespace: benchNamespace, WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour)})
	var exists *serviceerror.NamespaceAlreadyExists
	if err != nil && !errors.As(err, &exists) {
		return fmt.Errorf("register namespace %s: %w", benchNamespace, err)
	}
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: benchNamespace})
	if err != nil {
		return err
	}
	defer c.Close()
	for { // a new namespace takes a moment to reach every part of the server
		open, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Namespace: benchNamespace, Query: "ExecutionStatus = 'Running'", PageSize: 1000})
		if err == nil {
			for _, w := range open.GetExecutions() {
				_ = c.TerminateWorkflow(ctx, w.GetExecution().GetWorkflowId(), w.GetExecution().GetRunId(), "a new bench run starts")
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("namespace %s never became usable: %w", benchNamespace, err)
		case <-time.After(500 * time.Millisecond):
		}
	}
}

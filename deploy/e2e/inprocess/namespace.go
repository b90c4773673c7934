package inprocess

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

// FreshNamespace registers the Temporal namespace if it is missing, terminates whatever an earlier
// run left open in it, and returns once it serves requests. A platform run on a shared stack
// (the end-to-end tests, the bench) takes a namespace of its own and starts it fresh: in another
// namespace, a trade of a failed run whose platform is gone still has its payment instructed every
// second or so, and a worker serving the same task queue would take those tasks, and its ledger
// agents would sign that run's milestones. Only one process may use the namespace at a time.
func FreshNamespace(ctx context.Context, addr, namespace string) error {
	nc, err := client.NewNamespaceClient(client.Options{HostPort: addr})
	if err != nil {
		return err
	}
	defer nc.Close()
	err = nc.Register(ctx, &workflowservice.RegisterNamespaceRequest{Namespace: namespace, WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour)})
	var exists *serviceerror.NamespaceAlreadyExists
	if err != nil && !errors.As(err, &exists) {
		return fmt.Errorf("register namespace %s: %w", namespace, err)
	}
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: namespace})
	if err != nil {
		return err
	}
	defer c.Close()
	req := &workflowservice.ListWorkflowExecutionsRequest{Namespace: namespace, Query: "ExecutionStatus = 'Running'", PageSize: 1000}
	open, err := c.ListWorkflow(ctx, req)
	for err != nil { // a new namespace takes a moment to reach every part of the server
		select {
		case <-ctx.Done():
			return fmt.Errorf("namespace %s never became usable: %w", namespace, err)
		case <-time.After(500 * time.Millisecond):
		}
		open, err = c.ListWorkflow(ctx, req)
	}
	for {
		for _, w := range open.GetExecutions() {
			_ = c.TerminateWorkflow(ctx, w.GetExecution().GetWorkflowId(), w.GetExecution().GetRunId(), "a new run of the platform starts in this namespace")
		}
		if len(open.GetNextPageToken()) == 0 {
			return nil
		}
		req.NextPageToken = open.GetNextPageToken()
		if open, err = c.ListWorkflow(ctx, req); err != nil {
			return fmt.Errorf("list what is open in namespace %s: %w", namespace, err)
		}
	}
}

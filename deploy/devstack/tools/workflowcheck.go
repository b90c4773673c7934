package tools

import (
	"context"
	"path/filepath"
)

// WorkflowcheckVersion is Temporal's workflowcheck, which `make lint` runs on the trade
// workflow: it fails on code a workflow reaches that is not deterministic (time.Now, map range,
// goroutines, global state, ...).
const WorkflowcheckVersion = "v0.6.0"

// EnsureWorkflowcheck returns the path of workflowcheck, building it from the Go module proxy
// when missing (seconds).
func EnsureWorkflowcheck(ctx context.Context, p Progress) (string, error) {
	root, err := CacheRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "workflowcheck-"+WorkflowcheckVersion)
	bin := filepath.Join(dir, "workflowcheck")
	if exists(bin) {
		p("workflowcheck %s: cached at %s", WorkflowcheckVersion, bin)
		return bin, nil
	}
	err = build(p, "workflowcheck "+WorkflowcheckVersion, "building from the Go module proxy...", dir, func(tmp string) error {
		return goCmd(ctx, tmp, []string{"GOBIN=" + tmp}, "install", "go.temporal.io/sdk/contrib/tools/workflowcheck@"+WorkflowcheckVersion)
	})
	if err != nil {
		return "", err
	}
	return bin, nil
}

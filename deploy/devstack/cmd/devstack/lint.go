package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/tools"
)

// runLint runs golangci-lint with the repository's .golangci.yml in every module of go.work:
// golangci-lint analyses one module at a time. Every module is linted even after a failing
// one, so one run reports all findings.
func runLint(ctx context.Context, root string, lintArgs []string) error {
	bin, err := tools.EnsureGolangciLint(ctx, progress)
	if err != nil {
		return err
	}
	mods, err := workModules(root)
	if err != nil {
		return err
	}
	// --allow-serial-runners: another golangci-lint on this machine (another checkout) holds a
	// machine-wide lock; wait for it instead of failing.
	args := append([]string{"run", "--allow-serial-runners", "--config", filepath.Join(root, ".golangci.yml")}, lintArgs...)
	args = append(args, "./...")
	var failed []string
	start := time.Now()
	for _, m := range mods {
		progress("golangci-lint in %s", m)
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Dir = filepath.Join(root, m)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			failed = append(failed, m)
		}
	}
	if err := runWorkflowcheck(ctx, root); err != nil {
		failed = append(failed, "workflows (workflowcheck)")
	}
	progress("lint finished in %s", time.Since(start).Round(time.Second))
	if len(failed) > 0 {
		return fmt.Errorf("lint failed in: %v", failed)
	}
	return nil
}

// runWorkflowcheck runs Temporal's workflowcheck on the trade workflow's package: a workflow
// reaching non-deterministic code fails lint, as a nondeterminism error would fail its replay.
func runWorkflowcheck(ctx context.Context, root string) error {
	bin, err := tools.EnsureWorkflowcheck(ctx, progress)
	if err != nil {
		return err
	}
	progress("workflowcheck in workflows/trade")
	cmd := exec.CommandContext(ctx, bin, "./trade")
	cmd.Dir = filepath.Join(root, "workflows")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

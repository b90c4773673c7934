package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// runUnitTests runs `go test` over every module of go.work with no stack: testenv skips
// every test that asks for a running component (TRADEFIN_UNIT=1), so only the tests needing
// none run. One go test over all modules' patterns (from the workspace root) keeps both cores
// busy to the end, where one run per module would wait for each module's slowest package.
// No -race here (it doubles this run: 2 min against 1 on 2 cores); make test runs with it, and
// `devstack test-unit -race` asks for it.
func runUnitTests(ctx context.Context, root string, goTestArgs []string) error {
	mods, err := workModules(root)
	if err != nil {
		return err
	}
	args := append([]string{"test"}, goTestArgs...)
	for _, m := range mods {
		args = append(args, "./"+filepath.ToSlash(filepath.Clean(m))+"/...")
	}
	progress("go %v (unit tests only)", args)
	start := time.Now()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), testenv.UnitOnly+"=1")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err = cmd.Run()
	progress("unit tests finished in %s", time.Since(start).Round(time.Second))
	if err != nil {
		return fmt.Errorf("unit tests failed: %w", err)
	}
	return nil
}

// withoutUnitOnly drops TRADEFIN_UNIT from env: under `make test` every test runs, whatever the
// caller's shell exports, so a skipped integration test is never counted as passing there.
func withoutUnitOnly(env []string) []string {
	return slices.DeleteFunc(env, func(kv string) bool { return strings.HasPrefix(kv, testenv.UnitOnly+"=") })
}

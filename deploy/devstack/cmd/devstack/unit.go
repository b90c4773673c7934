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

// runUnitTests runs `go test` in every module of go.work with no stack: testenv skips every
// test that asks for a running component (TRADEFIN_UNIT=1), so only the tests needing none run.
func runUnitTests(ctx context.Context, root string, goTestArgs []string) error {
	mods, err := workModules(root)
	if err != nil {
		return err
	}
	args := append([]string{"test", "-race"}, goTestArgs...)
	args = append(args, "./...")
	env := append(os.Environ(), testenv.UnitOnly+"=1")
	var failed []string
	start := time.Now()
	for _, m := range mods {
		progress("go %v in %s (unit tests only)", args, m)
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = filepath.Join(root, m)
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			failed = append(failed, m)
		}
	}
	progress("unit tests finished in %s", time.Since(start).Round(time.Second))
	if len(failed) > 0 {
		return fmt.Errorf("unit tests failed in: %v", failed)
	}
	return nil
}

// withoutUnitOnly drops TRADEFIN_UNIT from env: under `make test` every test runs, whatever the
// caller's shell exports, so a skipped integration test is never counted as passing there.
func withoutUnitOnly(env []string) []string {
	return slices.DeleteFunc(env, func(kv string) bool { return strings.HasPrefix(kv, testenv.UnitOnly+"=") })
}

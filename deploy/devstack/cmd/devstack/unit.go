package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
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
//
// The run's time is almost all linking test binaries (about 80, 2–5 s each on 2 cores), so:
//   - -tags=unit: the test files of a package whose tests all need a component start with
//     `//go:build !unit`, so a unit run builds no binary for it (e2e, devstack/integration,
//     the services' service and orchestration packages: 14 packages, the heaviest links);
//   - CGO_ENABLED=0 (unless -race, which needs cgo): no test needs cgo (SQLite is modernc's
//     pure Go), and linking without runtime/cgo took 1m18 where with it 1m48 (measured
//     2026-12-01);
//   - -vet=off: make lint runs go vet with the rest of golangci-lint;
//   - -p=3 on 2 cores: a link waits on writing its binary, a third keeps the cores busy
//     (1m08 at the default -p=2, 1m01 at 3).
func runUnitTests(ctx context.Context, root string, goTestArgs []string) error {
	mods, err := workModules(root)
	if err != nil {
		return err
	}
	args := append([]string{"test", "-tags=unit", "-vet=off", "-p=3"}, goTestArgs...)
	for _, m := range mods {
		args = append(args, "./"+filepath.ToSlash(filepath.Clean(m))+"/...")
	}
	progress("go %v (unit tests only)", args)
	start := time.Now()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), testenv.UnitOnly+"=1")
	if !raceAsked(goTestArgs) { // the race detector needs cgo
		cmd.Env = append(cmd.Env, "CGO_ENABLED=0")
	}
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

// raceAsked says whether go test's arguments turn the race detector on: -race, --race, or
// either with =true (or another value strconv.ParseBool takes as true), the last one winning.
func raceAsked(goTestArgs []string) bool {
	on := false
	for _, a := range goTestArgs {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "race" {
			continue
		}
		on = true
		if hasValue {
			on, _ = strconv.ParseBool(value)
		}
	}
	return on
}

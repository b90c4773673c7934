package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/stack"
)

// withTestStack runs fn with the test profile's stack up. A stack that is already up and ready
// is reused; one started here is stopped afterwards.
func withTestStack(ctx context.Context, p stack.Profile, fn func(env []string) error) error {
	t, err := setup(ctx, "")
	if err != nil {
		return err
	}
	s := stack.New(p, t, os.Stdout)
	quiet := *s
	quiet.Out = devNull{}
	if quiet.Status(ctx) != nil {
		progress("starting the test stack (ports from %d)", p.PortBase)
		if err := s.Up(ctx); err != nil {
			_ = s.Down()
			return err
		}
		defer func() { progress("stopping the test stack"); _ = s.Down() }()
	} else {
		progress("reusing the running test stack")
	}
	return fn(append(os.Environ(), s.EnvList()...))
}

// runTests runs `go test` in every module of go.work against the test stack.
func runTests(ctx context.Context, p stack.Profile, goTestArgs []string) error {
	return withTestStack(ctx, p, func(env []string) error {
		mods, err := workModules(p.RepoRoot)
		if err != nil {
			return err
		}
		// -race: the services, consumers and workflows are concurrent; the race detector runs
		// over every test, integration tests included, where the real concurrency is.
		args := append([]string{"test", "-race", "-count=1", "-timeout=30m"}, goTestArgs...)
		args = append(args, "./...")
		var failed []string
		start := time.Now()
		for _, m := range mods {
			progress("go %v in %s", args, m)
			cmd := exec.CommandContext(ctx, "go", args...)
			cmd.Dir = filepath.Join(p.RepoRoot, m)
			cmd.Env = withoutUnitOnly(env)
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				failed = append(failed, m)
			}
		}
		progress("tests finished in %s", time.Since(start).Round(time.Second))
		if len(failed) > 0 {
			return fmt.Errorf("tests failed in: %v", failed)
		}
		return nil
	})
}

// execWithStack runs a command (e.g. the benchmarks) with the test stack's environment.
func execWithStack(ctx context.Context, p stack.Profile, argv []string) error {
	if len(argv) == 0 {
		return fmt.Errorf("exec: no command given")
	}
	return withTestStack(ctx, p, func(env []string) error {
		cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
		cmd.Dir = p.RepoRoot
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		return cmd.Run()
	})
}

// workModules lists the module folders of go.work.
func workModules(root string) ([]string, error) {
	out, err := exec.Command("go", "work", "edit", "-json", filepath.Join(root, "go.work")).Output()
	if err != nil {
		return nil, fmt.Errorf("read go.work: %w", err)
	}
	var w struct{ Use []struct{ DiskPath string } }
	if err := json.Unmarshal(out, &w); err != nil {
		return nil, fmt.Errorf("read go.work: %w", err)
	}
	var mods []string
	for _, u := range w.Use {
		mods = append(mods, u.DiskPath)
	}
	return mods, nil
}

type devNull struct{}

func (devNull) Write(b []byte) (int, error) { return len(b), nil }

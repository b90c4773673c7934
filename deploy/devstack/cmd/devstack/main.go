// Command devstack runs the native tradefin platform: `make setup|run|stop|status|test` call it.
//
//	devstack setup                 install missing tools into the per-user cache
//	devstack up     [--profile P]  start every component, one line per component when ready
//	devstack down   [--profile P]  stop every component (by PID file)
//	devstack status [--profile P]  one line per component; exit 0 only when all are ready
//	devstack env    [--profile P]  print the TRADEFIN_* environment as shell exports
//	devstack test   [go test args] start the test profile if needed, then go test -race every module
//	devstack test-unit [go test args]  go test -race every module with no stack: only the tests needing no component
//	devstack lint   [lint args]    golangci-lint every module with the repository's .golangci.yml
//	devstack exec -- CMD [ARGS]    run a command with the test profile's stack and environment
//	devstack kill|restart [--profile P] PROCESS  SIGKILL one process / start it again (kill.go)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/stack"
	"github.com/tradefin/tradefin/deploy/devstack/tools"
)

func main() {
	if len(os.Args) < 2 {
		fail(errors.New("usage: devstack setup|up|down|status|env|test|test-unit|lint|exec [--profile dev|test]"))
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	cmd, args := os.Args[1], os.Args[2:]
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	profileName := fs.String("profile", "dev", "dev (make run) or test (make test)")
	only := fs.String("only", "", "comma-separated components to manage (default: all), e.g. fabric")
	wait := fs.Bool("wait", false, "up: stay in the foreground until SIGTERM, then stop (for containers)")
	if cmd != "test" && cmd != "test-unit" && cmd != "lint" && cmd != "exec" {
		_ = fs.Parse(args)
		args = fs.Args()
	} else {
		*profileName = "test"
	}
	root, err := stack.RepoRoot()
	if err != nil {
		fail(err)
	}
	profile, err := stack.NewProfile(*profileName, root)
	if err != nil {
		fail(err)
	}
	switch cmd {
	case "setup":
		if _, err = setup(ctx, *only); err == nil && (*only == "" || strings.Contains(*only, "golangci-lint")) {
			_, err = tools.EnsureGolangciLint(ctx, progress)
		}
	case "up":
		err = up(ctx, profile, *only, *wait)
	case "down":
		err = withStack(ctx, profile, *only, func(s *stack.Stack) error { return s.Down() })
	case "status":
		err = withStack(ctx, profile, *only, func(s *stack.Stack) error { return s.Status(ctx) })
	case "env":
		err = withStack(ctx, profile, *only, func(s *stack.Stack) error {
			for _, kv := range s.EnvList() {
				k, v, _ := strings.Cut(kv, "=")
				fmt.Printf("export %s=%q\n", k, v)
			}
			return nil
		})
	case "kill", "restart":
		err = killOrRestart(ctx, profile, cmd, args)
	case "test":
		err = runTests(ctx, profile, args)
	case "test-unit":
		err = runUnitTests(ctx, root, args)
	case "lint":
		err = runLint(ctx, root, args)
	case "exec":
		if len(args) > 0 && args[0] == "--" {
			args = args[1:]
		}
		err = execWithStack(ctx, profile, args)
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		fail(err)
	}
}

func progress(format string, args ...any) {
	fmt.Printf("[%s] "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

func setup(ctx context.Context, only string) (stack.Tools, error) {
	start := time.Now()
	t, err := stack.Setup(ctx, progress, only)
	if err == nil {
		progress("setup done in %s", time.Since(start).Round(100*time.Millisecond))
	}
	return t, err
}

func up(ctx context.Context, p stack.Profile, only string, wait bool) error {
	t, err := setup(ctx, only)
	if err != nil {
		return err
	}
	progress("starting stack %q (ports from %d)", p.Name, p.PortBase)
	s, err := stack.New(p, t, os.Stdout).Only(only)
	if err != nil {
		return err
	}
	if err := s.Up(ctx); err != nil {
		return err
	}
	if err := s.PrintSignIn(os.Stdout); err != nil {
		return err
	}
	if !wait {
		return nil
	}
	<-ctx.Done() // a container's stop signal
	progress("stopping")
	return s.Down()
}

// withStack builds the stack description from cached tools without installing anything.
func withStack(ctx context.Context, p stack.Profile, only string, fn func(*stack.Stack) error) error {
	t, err := stack.Setup(ctx, func(string, ...any) {}, only)
	if err != nil {
		return err
	}
	s, err := stack.New(p, t, os.Stdout).Only(only)
	if err != nil {
		return err
	}
	return fn(s)
}

// fail prints one readable line (plus a failing component's log tail) and exits non-zero.
func fail(err error) {
	fmt.Fprintln(os.Stderr, "devstack:", err)
	os.Exit(1)
}

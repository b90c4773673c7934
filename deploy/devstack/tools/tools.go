// Package tools installs the dev stack's external programs into a per-user cache keyed by
// version, outside any checkout, so a fresh clone (and CI) reuses what an earlier run built.
package tools

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// CacheRoot is ${XDG_CACHE_HOME:-$HOME/.cache}/tradefin/tools, or $TRADEFIN_TOOLS_DIR.
func CacheRoot() (string, error) {
	if d := os.Getenv("TRADEFIN_TOOLS_DIR"); d != "" {
		return d, nil
	}
	c, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("tools cache: %w", err)
	}
	return filepath.Join(c, "tradefin", "tools"), nil
}

// Progress receives one human-readable line per step.
type Progress func(format string, args ...any)

// installDir builds into a temporary sibling of final and renames it into place, so an
// interrupted build never leaves a half-installed tool behind.
func installDir(final string, build func(tmp string) error) error {
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(final), ".partial-"+filepath.Base(final)+"-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := build(tmp); err != nil {
		return err
	}
	_ = os.RemoveAll(final)
	return os.Rename(tmp, final)
}

// goCmd runs the go tool with output captured; the error carries the output's tail.
func goCmd(ctx context.Context, dir string, env []string, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go %v: %w\n%s", args, err, tail(out, 2000))
	}
	return nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func since(t time.Time) string { return time.Since(t).Round(time.Second).String() }

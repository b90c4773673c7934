package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// buildBinary builds the Go command in pkgDir (relative to the repo root, workspace mode) into
// the profile's bin folder and returns its path. The Go build cache makes a rebuild cheap, and
// building every start means the stack always runs the checkout's code.
func buildBinary(ctx context.Context, p Profile, pkgDir, name string) (string, error) {
	out := p.Path("bin", name)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "./"+pkgDir)
	cmd.Dir = p.RepoRoot
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./%s: %w\n%s", pkgDir, err, b)
	}
	return out, nil
}

package tools

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// goOutput runs the go tool and returns its trimmed standard output.
func goOutput(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %v: %w", args, err)
	}
	return strings.TrimSpace(string(out)), nil
}

package tools

import (
	"context"
	"path/filepath"
)

// GolangciLintVersion is the linter `make lint` runs with the repository's .golangci.yml.
const GolangciLintVersion = "v2.15.0"

// EnsureGolangciLint returns the path of golangci-lint, building it when missing (~2 min cold).
//
// It is built from source with the Go that builds the project, not downloaded as a release
// binary: golangci-lint can only analyse code of a Go version it was compiled with.
func EnsureGolangciLint(ctx context.Context, p Progress) (string, error) {
	root, err := CacheRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "golangci-lint-"+GolangciLintVersion)
	bin := filepath.Join(dir, "golangci-lint")
	if exists(bin) {
		p("golangci-lint %s: cached at %s", GolangciLintVersion, bin)
		return bin, nil
	}
	err = build(p, "golangci-lint "+GolangciLintVersion, "building from the Go module proxy (about 2 minutes on 2 cores)...", dir, func(tmp string) error {
		return goCmd(ctx, tmp, []string{"GOBIN=" + tmp}, "install", "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@"+GolangciLintVersion)
	})
	if err != nil {
		return "", err
	}
	return bin, nil
}

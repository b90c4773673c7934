package tools

import (
	"context"
	"path/filepath"
)

// TemporalVersion is the Temporal CLI (dev server: Temporal server 1.29.1, UI 2.42.1).
// Later CLI versions carry replace directives and cannot be go-installed.
const TemporalVersion = "v1.5.1"

// EnsureTemporal returns the path of the temporal CLI, building it when missing (~6 min cold).
func EnsureTemporal(ctx context.Context, p Progress) (string, error) {
	root, err := CacheRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "temporal-"+TemporalVersion)
	bin := filepath.Join(dir, "temporal")
	if exists(bin) {
		p("temporal CLI %s: cached at %s", TemporalVersion, bin)
		return bin, nil
	}
	err = build(p, "temporal CLI "+TemporalVersion, "building from the Go module proxy (about 6 minutes on 2 cores)...", dir, func(tmp string) error {
		return goCmd(ctx, tmp, []string{"GOBIN=" + tmp}, "install", "github.com/temporalio/cli/cmd/temporal@"+TemporalVersion)
	})
	if err != nil {
		return "", err
	}
	return bin, nil
}

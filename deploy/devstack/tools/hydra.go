package tools

import (
	"context"
	"os"
	"path/filepath"
)

// HydraVersion is Ory Hydra, the dev stack's OAuth 2.0 / OpenID Connect server.
const HydraVersion = "v2.3.0"

// hydraPopReplace is the pop fork Hydra v2.3.0's own go.mod replaces gobuffalo/pop with; without
// it persistence/sql does not compile (p.conn.Store.SQLDB undefined).
const hydraPopReplace = "github.com/gobuffalo/pop/v6=github.com/ory/pop/v6@v6.2.1-0.20241121111754-e5dfc0f3344b"

// EnsureHydra returns the path of the hydra binary, building it when missing (a few minutes cold).
//
// `go install` refuses Hydra (its go.mod has replace directives), so a throw-away tool module
// requires it, repeats the one replace the build needs, and builds the main package. The binary
// has no SQLite (that needs cgo): the stack runs it on PostgreSQL.
func EnsureHydra(ctx context.Context, p Progress) (string, error) {
	root, err := CacheRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "hydra-"+HydraVersion)
	bin := filepath.Join(dir, "hydra")
	if exists(bin) {
		p("hydra %s: cached at %s", HydraVersion, bin)
		return bin, nil
	}
	err = build(p, "hydra "+HydraVersion, "building from the Go module proxy (a few minutes on 2 cores)...", dir, func(tmp string) error { return buildHydra(ctx, tmp) })
	if err != nil {
		return "", err
	}
	return bin, nil
}

func buildHydra(ctx context.Context, out string) error {
	src := filepath.Join(out, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return err
	}
	steps := [][]string{
		{"mod", "init", "hydratool"},
		{"get", "-tool", "github.com/ory/hydra/v2@" + HydraVersion},
		{"mod", "edit", "-replace", hydraPopReplace},
		{"mod", "tidy"},
		{"build", "-o", filepath.Join(out, "hydra"), "github.com/ory/hydra/v2"},
	}
	for _, args := range steps {
		if err := goCmd(ctx, src, nil, args...); err != nil {
			return err
		}
	}
	return os.RemoveAll(src)
}

package tools

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"
)

// EnsurePostgres returns the directory holding initdb, pg_ctl and postgres. When PostgreSQL is
// absent and we are root it installs Debian's postgresql package; otherwise it says what to do.
func EnsurePostgres(ctx context.Context, p Progress) (string, error) {
	if dir := findPostgres(); dir != "" {
		p("postgresql: %s", dir)
		return dir, nil
	}
	if os.Geteuid() != 0 {
		return "", errors.New("postgresql: not installed; install Debian's postgresql package (needs root)")
	}
	p("postgresql: installing Debian's postgresql package...")
	start := time.Now()
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", "--no-install-recommends", "postgresql"}} {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("postgresql: apt-get %v: %w\n%s", args, err, tail(out, 2000))
		}
	}
	dir := findPostgres()
	if dir == "" {
		return "", errors.New("postgresql: installed, but initdb was not found under /usr/lib/postgresql")
	}
	p("postgresql: installed in %s", since(start))
	return dir, nil
}

// findPostgres prefers $TRADEFIN_PG_BIN, then the newest Debian server, then pg_config.
func findPostgres() string {
	if d := os.Getenv("TRADEFIN_PG_BIN"); d != "" && exists(filepath.Join(d, "initdb")) {
		return d
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if exists(filepath.Join(d, "initdb")) && exists(filepath.Join(d, "postgres")) {
			return d
		}
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		d := string(out[:len(out)-1])
		if exists(filepath.Join(d, "initdb")) {
			return d
		}
	}
	return ""
}

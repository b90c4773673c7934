package tools

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// EnsureChromium returns the path of Debian's chromium, which the portal's browser tests drive
// headless. When it is absent and we are root it installs the package, as PostgreSQL is.
func EnsureChromium(ctx context.Context, p Progress) (string, error) {
	if bin := findChromium(); bin != "" {
		p("chromium: %s", bin)
		return bin, nil
	}
	if os.Geteuid() != 0 {
		return "", errors.New("chromium: not installed; install Debian's chromium package (needs root)")
	}
	p("chromium: installing Debian's chromium package...")
	start := time.Now()
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", "--no-install-recommends", "chromium"}} {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("chromium: apt-get %v: %w\n%s", args, err, tail(out, 2000))
		}
	}
	bin := findChromium()
	if bin == "" {
		return "", errors.New("chromium: installed, but no chromium binary is on PATH")
	}
	p("chromium: installed in %s", since(start))
	return bin, nil
}

// findChromium prefers $TRADEFIN_CHROMIUM, then Debian's chromium.
func findChromium() string {
	if b := os.Getenv("TRADEFIN_CHROMIUM"); b != "" && exists(b) {
		return b
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if b, err := exec.LookPath(name); err == nil {
			return b
		}
	}
	return ""
}

package tools

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// HTMXVersion is the htmx.org npm package the portal serves (issue 13: vendored from its npm
// package at build time, never a CDN at run time).
const HTMXVersion = "2.0.8"

// htmxSHA256 pins dist/htmx.min.js of that version: a tampered or substituted package fails here.
const htmxSHA256 = "22283ef68cb7545914f0a88a1bdedc7256a703d1d580c1d255217d0a50d31313"

// EnsureHTMX returns the path of htmx.min.js, fetched with npm (`npm pack`, which checks the
// registry's integrity hash) into the tool cache when missing, and checked against its pin.
func EnsureHTMX(ctx context.Context, p Progress) (string, error) {
	root, err := CacheRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "htmx-"+HTMXVersion)
	file := filepath.Join(dir, "htmx.min.js")
	if exists(file) {
		if err := checkHTMX(file); err != nil {
			return "", err
		}
		p("htmx %s: cached at %s", HTMXVersion, file)
		return file, nil
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", fmt.Errorf("htmx: npm is not installed (Debian's npm package): it fetches htmx.org@%s", HTMXVersion)
	}
	p("htmx %s: fetching the htmx.org package with npm...", HTMXVersion)
	start := time.Now()
	err = installDir(dir, func(tmp string) error {
		pack := exec.CommandContext(ctx, "npm", "pack", "--silent", "htmx.org@"+HTMXVersion)
		pack.Dir = tmp
		if out, err := pack.CombinedOutput(); err != nil {
			return fmt.Errorf("npm pack: %w\n%s", err, tail(out, 2000))
		}
		untar := exec.CommandContext(ctx, "tar", "-xzf", "htmx.org-"+HTMXVersion+".tgz", "--strip-components=2", "package/dist/htmx.min.js")
		untar.Dir = tmp
		if out, err := untar.CombinedOutput(); err != nil {
			return fmt.Errorf("unpack: %w\n%s", err, tail(out, 2000))
		}
		if err := os.Remove(filepath.Join(tmp, "htmx.org-"+HTMXVersion+".tgz")); err != nil {
			return err
		}
		return checkHTMX(filepath.Join(tmp, "htmx.min.js"))
	})
	if err != nil {
		return "", fmt.Errorf("htmx: %w", err)
	}
	p("htmx %s: fetched in %s", HTMXVersion, since(start))
	return file, nil
}

func checkHTMX(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != htmxSHA256 {
		return fmt.Errorf("htmx: %s has SHA-256 %x, not the pinned %s (delete it to fetch again)", file, sum, htmxSHA256)
	}
	return nil
}

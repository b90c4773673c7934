// Package stack starts, probes and stops the components of the native tradefin platform.
package stack

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Profile is one independent copy of the stack: `dev` for `make run`, `test` for `make test`.
// Profiles have their own state folder and disjoint ports, so tests can run beside `make run`.
type Profile struct {
	Name     string
	RepoRoot string // the checkout: services are built from it
	Dir      string // run state: <repo>/.run/<name>
	PortBase int
	// Headless starts Temporal without its Web UI (tests don't need it).
	Headless bool
}

// Port offsets from the profile's base.
const (
	offKafka           = 92
	offTemporal        = 233
	offTemporalUI      = 234
	offTemporalHTTP    = 243
	offTemporalMetrics = 244
	offPostgres        = 432
	offHydraPublic     = 444 // Hydra's public endpoint: discovery, JWKS, /oauth2/auth, /oauth2/token
	offHydraAdmin      = 445 // Hydra's admin API: never for callers (it grants logins)
	offSignIn          = 446 // tradefin's sign-in app: login and consent pages, token hook
	offFabric          = 500 // the Fabric network takes 100 ports from here
	offLC              = 801
	offCustoms         = 802
	offSettlement      = 803
	offWorker          = 804
	offPortal          = 805 // the web portal (its OAuth redirect URI is registered ahead of it)
	offLedgerImporter  = 821 // the ledger agents' health endpoints
	offLedgerExporter  = 822
	offLedgerCustoms   = 823
)

// NewProfile returns the named profile rooted at repoRoot. TRADEFIN_PORT_BASE overrides the base.
func NewProfile(name, repoRoot string) (Profile, error) {
	bases := map[string]int{"dev": 20000, "test": 22000}
	base, ok := bases[name]
	if !ok {
		return Profile{}, fmt.Errorf("unknown profile %q (want dev or test)", name)
	}
	if v := os.Getenv("TRADEFIN_PORT_BASE"); v != "" {
		b, err := strconv.Atoi(v)
		if err != nil || b < 1024 || b > 64000 {
			return Profile{}, fmt.Errorf("TRADEFIN_PORT_BASE=%q: want a number from 1024 to 64000", v)
		}
		base = b
	}
	return Profile{
		Name:     name,
		RepoRoot: repoRoot,
		Dir:      filepath.Join(repoRoot, ".run", name),
		PortBase: base,
		Headless: name == "test",
	}, nil
}

// Port is the profile's port at offset.
func (p Profile) Port(offset int) int { return p.PortBase + offset }

// Addr is 127.0.0.1:<port at offset>.
func (p Profile) Addr(offset int) string { return fmt.Sprintf("127.0.0.1:%d", p.Port(offset)) }

// Path joins elements under the profile's state folder.
func (p Profile) Path(elem ...string) string {
	return filepath.Join(append([]string{p.Dir}, elem...)...)
}

// TestProfile is the test profile of the checkout the working directory is in: the stack tests
// and the soak run on.
func TestProfile() (Profile, error) {
	root, err := RepoRoot()
	if err != nil {
		return Profile{}, err
	}
	return NewProfile("test", root)
}

// RepoRoot is the folder holding go.work, searched upwards from the working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return d, nil
		}
		if d == filepath.Dir(d) {
			return "", fmt.Errorf("no go.work above %s: run from the tradefin checkout", dir)
		}
	}
}

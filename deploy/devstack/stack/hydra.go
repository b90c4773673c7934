package stack

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// Hydra is Ory Hydra v2, the stack's OAuth 2.0 / OpenID Connect server, on the stack's
// PostgreSQL (database hydra). Login and consent are delegated to the sign-in app; access tokens
// are JWTs whose keys Hydra publishes at /.well-known/jwks.json.
type Hydra struct {
	p   Profile
	Bin string
}

const hydraDatabase = "hydra"

// OIDCAudience is the audience of tradefin's APIs; every service accepts only tokens for it.
const OIDCAudience = "tradefin"

func (h Hydra) Name() string { return "hydra" }
func (h Hydra) Address() string {
	return fmt.Sprintf("%s (admin %s)", h.Issuer(), h.AdminURL())
}
func (h Hydra) Log() string     { return h.p.Path("logs", "hydra.log") }
func (h Hydra) pidFile() string { return h.p.Path("pids", "hydra.pid") }

// Issuer is the issuer exactly as Hydra writes it into discovery and the tokens' "iss".
func (h Hydra) Issuer() string { return "http://" + h.p.Addr(offHydraPublic) }

// AdminURL is Hydra's admin API.
func (h Hydra) AdminURL() string { return "http://" + h.p.Addr(offHydraAdmin) }

func (h Hydra) dsn() string {
	return fmt.Sprintf("postgres://%s@%s/%s?sslmode=disable", pgUser, h.p.Addr(offPostgres), hydraDatabase)
}

// secret returns the profile's secret of that name, generated at first use into
// .run/<profile>/hydra/ (never in git): Hydra's system secret encrypts its database and signs its
// cookies, so it must stay the same across restarts for the stored keys and sessions to be valid.
func (h Hydra) secret(name string) (string, error) {
	path := h.p.Path("hydra", name)
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) >= 32 {
		return strings.TrimSpace(string(b)), nil
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	s := hex.EncodeToString(b[:])
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", err
	}
	return s, os.WriteFile(path, []byte(s+"\n"), 0o600)
}

// hookKeyFile holds the key Hydra sends the sign-in app's token hook.
func (h Hydra) hookKeyFile() string { return h.p.Path("hydra", "token-hook-key") }

func (h Hydra) Start(ctx context.Context) error {
	if _, ok := proc.Running(h.pidFile()); ok {
		return nil
	}
	system, err := h.secret("secrets-system")
	if err != nil {
		return err
	}
	hookKey, err := h.secret(filepath.Base(h.hookKeyFile()))
	if err != nil {
		return err
	}
	env := append(h.environment(hookKey), "DSN="+h.dsn(), "SECRETS_SYSTEM="+system)
	if err := os.MkdirAll(filepath.Dir(h.Log()), 0o755); err != nil {
		return err
	}
	// Migrations are idempotent: a later start on the same database applies only new ones.
	mctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	mig := exec.CommandContext(mctx, h.Bin, "migrate", "sql", "up", "-e", "--yes")
	mig.Env = append(os.Environ(), env...)
	if out, err := mig.CombinedOutput(); err != nil {
		return fmt.Errorf("hydra migrate sql up: %w\n%s", err, tail(out, 2000))
	}
	_, err = proc.Start(proc.Spec{Name: "hydra", Path: h.Bin, Env: env, LogFile: h.Log(), PIDFile: h.pidFile(),
		Args:   []string{"serve", "all", "--dev", "--sqa-opt-out"},
		Listen: []string{h.p.Addr(offHydraPublic), h.p.Addr(offHydraAdmin)}})
	return err
}

// environment configures Hydra (each variable is a key of its configuration: URLS_SELF_ISSUER
// is urls.self.issuer). The token hook's auth is one JSON value: Hydra does not split it further.
// --dev allows the http:// issuer on loopback.
func (h Hydra) environment(hookKey string) []string {
	signin := "http://" + h.p.Addr(offSignIn)
	auth, _ := json.Marshal(map[string]any{"type": "api_key",
		"config": map[string]string{"in": "header", "name": "X-Signin-Hook-Key", "value": hookKey}})
	return []string{
		"SERVE_PUBLIC_HOST=127.0.0.1", "SERVE_PUBLIC_PORT=" + strconv.Itoa(h.p.Port(offHydraPublic)),
		"SERVE_ADMIN_HOST=127.0.0.1", "SERVE_ADMIN_PORT=" + strconv.Itoa(h.p.Port(offHydraAdmin)),
		"URLS_SELF_ISSUER=" + h.Issuer(),
		"URLS_LOGIN=" + signin + "/login",
		"URLS_CONSENT=" + signin + "/consent",
		"STRATEGIES_ACCESS_TOKEN=jwt",                  // services verify tokens offline against the JWKS
		"OAUTH2_PKCE_ENFORCED_FOR_PUBLIC_CLIENTS=true", // RFC 9700 §2.1.1: tradectl and the portal use PKCE
		"OAUTH2_TOKEN_HOOK_URL=" + signin + "/hooks/token",
		"OAUTH2_TOKEN_HOOK_AUTH=" + string(auth),
		"LOG_LEVEL=info", "SQA_OPT_OUT=true",
	}
}

// Ready waits for discovery, which answers only once Hydra serves its keys and endpoints.
func (h Hydra) Ready(ctx context.Context) error {
	return proc.WaitHTTP(ctx, h.Issuer()+"/.well-known/openid-configuration")
}

func (h Hydra) Stop() error { return proc.Stop(h.pidFile(), 10*time.Second) }

func (h Hydra) Env() map[string]string {
	return map[string]string{
		"TRADEFIN_OIDC_ISSUER":     h.Issuer(),
		"TRADEFIN_OIDC_AUDIENCE":   OIDCAudience,
		"TRADEFIN_HYDRA_ADMIN_URL": h.AdminURL(),
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

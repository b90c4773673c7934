package stack

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// SignIn is tradefin's sign-in app (services/signin): Hydra's login and consent pages and its
// token hook. Once it is up, the stack's OAuth clients are registered in Hydra.
type SignIn struct {
	p     Profile
	hydra Hydra
}

func (s SignIn) Name() string    { return "signin" }
func (s SignIn) Address() string { return s.URL() }
func (s SignIn) Log() string     { return s.p.Path("logs", "signin.log") }
func (s SignIn) pidFile() string { return s.p.Path("pids", "signin.pid") }

// URL is the sign-in app's base URL; its login page is URL()+"/login".
func (s SignIn) URL() string { return "http://" + s.p.Addr(offSignIn) }

func (s SignIn) Start(ctx context.Context) error {
	if _, ok := proc.Running(s.pidFile()); ok {
		return nil
	}
	bin, err := buildBinary(ctx, s.p, "services/signin/cmd/signin", "signin")
	if err != nil {
		return err
	}
	env := []string{
		"TRADEFIN_HTTP_ADDR=" + s.p.Addr(offSignIn),
		"TRADEFIN_HYDRA_ADMIN_URL=" + s.hydra.AdminURL(),
		"TRADEFIN_SIGNIN_HOOK_KEY_FILE=" + s.hydra.hookKeyFile(),
		"TRADEFIN_OIDC_AUDIENCE=" + OIDCAudience,
	}
	_, err = proc.Start(proc.Spec{Name: "signin", Path: bin, Env: env, Dir: s.p.RepoRoot, LogFile: s.Log(), PIDFile: s.pidFile(),
		Listen: []string{s.p.Addr(offSignIn)}})
	return err
}

// Ready waits for the app (which checks Hydra's admin API), then registers the OAuth clients:
// registration is idempotent, so every start and status check converges on the same clients.
func (s SignIn) Ready(ctx context.Context) error {
	if err := proc.WaitHTTP(ctx, s.URL()+"/readyz"); err != nil {
		return err
	}
	return registerClients(ctx, s.p, s.hydra)
}

func (s SignIn) Stop() error { return proc.Stop(s.pidFile(), 10*time.Second) }

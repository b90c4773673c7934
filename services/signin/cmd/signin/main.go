// Command signin is tradefin's sign-in app: Hydra's login and consent pages and its token hook,
// answering from the directory of parties.
//
//	TRADEFIN_HTTP_ADDR               listen address (default 127.0.0.1:20446)
//	TRADEFIN_HYDRA_ADMIN_URL         Hydra's admin API (default http://127.0.0.1:20445)
//	TRADEFIN_SIGNIN_DIRECTORY        directory file (default: the embedded dev seed)
//	TRADEFIN_SIGNIN_FIRST_PARTY      comma list of clients whose consent is implied (default tradectl,tradefin-portal)
//	TRADEFIN_SIGNIN_HOOK_KEY         the key Hydra sends on token-hook calls (X-Signin-Hook-Key), or
//	TRADEFIN_SIGNIN_HOOK_KEY_FILE    a file holding it; without either the hook answers anyone who reaches it
//	TRADEFIN_OIDC_AUDIENCE           audience granted to users' tokens (default tradefin)
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	httpadapter "github.com/tradefin/tradefin/services/signin/adapters/http"
	"github.com/tradefin/tradefin/services/signin/adapters/hydra"
	"github.com/tradefin/tradefin/services/signin/app"
	"github.com/tradefin/tradefin/services/signin/directory"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log); err != nil {
		log.Error("signin", "err", err)
		os.Exit(1)
	}
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func run(log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	seed, err := directory.Load(os.Getenv("TRADEFIN_SIGNIN_DIRECTORY"))
	if err != nil {
		return err
	}
	dir, err := seed.Directory(rand.Reader)
	if err != nil {
		return err
	}
	admin, err := hydra.NewAdmin(env("TRADEFIN_HYDRA_ADMIN_URL", "http://127.0.0.1:20445"), nil)
	if err != nil {
		return err
	}
	hookKey := os.Getenv("TRADEFIN_SIGNIN_HOOK_KEY")
	if f := os.Getenv("TRADEFIN_SIGNIN_HOOK_KEY_FILE"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("hook key: %w", err)
		}
		hookKey = strings.TrimSpace(string(b))
	}
	h := httpadapter.NewHandler(app.New(dir), admin, httpadapter.Config{
		FirstParty:    strings.Split(env("TRADEFIN_SIGNIN_FIRST_PARTY", "tradectl,tradefin-portal"), ","),
		Audience:      env("TRADEFIN_OIDC_AUDIENCE", "tradefin"),
		HookKey:       hookKey,
		RememberLogin: 8 * time.Hour,
		Log:           log,
	})
	srv := &http.Server{Addr: env("TRADEFIN_HTTP_ADDR", "127.0.0.1:20446"), Handler: h,
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second, WriteTimeout: 15 * time.Second, MaxHeaderBytes: 16 << 10}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("signin listening", "addr", srv.Addr, "users", len(dir.Usernames()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

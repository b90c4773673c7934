// Command tradectl talks to a running tradefin (make run).
//
//	tradectl demo            walk a new trade through every step and print its timeline
//	tradectl timeline <id>   print a trade's timeline
//	tradectl poison list     messages consumers refused (never handleable as they are), oldest first
//	tradectl poison replay <id>...|--all   republish them to their source topics (inboxes dedupe)
//	tradectl outbox parked   outbox messages a forwarder parked (too large ever to publish)
//	tradectl verify <id>     reconcile a trade across the services, Kafka, the workflow and the ledger
//	tradectl verify --all    the same for every trade (verify.go)
//
// Service addresses come from TRADEFIN_LC_URL, TRADEFIN_CUSTOMS_URL, TRADEFIN_SETTLEMENT_URL and
// TRADEFIN_TRADES_URL, defaulting to the dev profile's ports (TRADEFIN_PORT_BASE, default 20000,
// plus the service's offset, as the dev stack assigns them). Each step signs in as the dev user
// who takes it, through the identity provider at TRADEFIN_OIDC_ISSUER (default the dev stack's
// Hydra) with the authorization-code flow and PKCE, as client tradectl; a dev user's password is
// "<username>-dev-pass" unless TRADEFIN_DEV_PASSWORD_<USERNAME> says otherwise.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/platform/signin"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:])
	stop() // here, not deferred: os.Exit would skip a deferred call
	if err != nil {
		fmt.Fprintln(os.Stderr, "tradectl:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) > 0 && (args[0] == "poison" || args[0] == "outbox") {
		return poisonCommand(ctx, os.Stdout, args) // Kafka, no sign-in (poison.go)
	}
	if ok, err := verifyCommand(ctx, args); ok {
		return err // Kafka, Temporal, the peers, the services' stores; no sign-in (verify.go)
	}
	c := scenario.NewClient(scenario.Endpoints{
		LC:         env("TRADEFIN_LC_URL", devURL(801)),
		Customs:    env("TRADEFIN_CUSTOMS_URL", devURL(802)),
		Settlement: env("TRADEFIN_SETTLEMENT_URL", devURL(803)),
		Trades:     env("TRADEFIN_TRADES_URL", devURL(804)),
	})
	c.Token = signIn().Get
	switch {
	case len(args) == 1 && args[0] == "demo":
		c.Progress = func(format string, a ...any) { fmt.Printf("==> "+format+"\n", a...) }
		ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		defer cancel()
		id := time.Now().UTC().Format("DEMO-20060102-150405")
		r, err := c.Run(ctx, scenario.Trade{ID: id, Today: time.Now().UTC()})
		if err != nil {
			return fmt.Errorf("trade %s: %w (is the platform up? make run)", id, err)
		}
		scenario.Print(os.Stdout, r.Timeline)
		return nil
	case len(args) == 2 && args[0] == "timeline":
		t, err := c.Timeline(ctx, args[1])
		if err != nil {
			return err
		}
		scenario.Print(os.Stdout, t)
		return nil
	}
	return fmt.Errorf("usage: tradectl demo | tradectl timeline <trade-id> | tradectl verify <trade-id>|--all | %s", strings.TrimPrefix(poisonUsage, "usage: "))
}

// signIn signs the demo's dev users in, once each, renewing their tokens before they expire.
func signIn() *signin.Tokens {
	cfg := signin.Config{Issuer: env("TRADEFIN_OIDC_ISSUER", strings.TrimSuffix(devURL(444), "/")), ClientID: "tradectl",
		RedirectURL: "http://127.0.0.1/callback", Audience: env("TRADEFIN_OIDC_AUDIENCE", "tradefin")}
	return &signin.Tokens{Source: func(ctx context.Context, user string) (*oauth2.Token, error) {
		return signin.Login(ctx, cfg, user, env("TRADEFIN_DEV_PASSWORD_"+strings.ToUpper(user), user+"-dev-pass"))
	}}
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func devURL(offset int) string {
	base, err := strconv.Atoi(env("TRADEFIN_PORT_BASE", "20000"))
	if err != nil {
		base = 20000
	}
	return fmt.Sprintf("http://127.0.0.1:%d", base+offset)
}

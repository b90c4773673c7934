package trade

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/oauth2"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform/signin"
)

// stackEnv is the test stack as `devstack exec` describes it in TRADEFIN_* variables: the bench
// runs under `make bench`, which starts the stack and sets them.
type stackEnv struct {
	kafka    []string
	sasl     kafkapubsub.SASL
	temporal string
	fabric   string // network.json
	postgres string // the server's base DSN
	issuer   string
	audience string
}

func readEnv() (stackEnv, error) {
	var missing []string
	get := func(k string) string {
		v := os.Getenv(k)
		if v == "" {
			missing = append(missing, k)
		}
		return v
	}
	e := stackEnv{
		kafka: strings.Split(get("TRADEFIN_KAFKA_BROKERS"), ","),
		sasl: kafkapubsub.SASL{Mechanism: get("TRADEFIN_KAFKA_SASL_MECHANISM"), User: get("TRADEFIN_KAFKA_USER"),
			Password: get("TRADEFIN_KAFKA_PASSWORD")},
		temporal: get("TRADEFIN_TEMPORAL_ADDRESS"),
		fabric:   get("TRADEFIN_FABRIC_NETWORK"),
		postgres: get("TRADEFIN_POSTGRES_DSN"),
		issuer:   get("TRADEFIN_OIDC_ISSUER"),
		audience: get("TRADEFIN_OIDC_AUDIENCE"),
	}
	if len(missing) > 0 {
		return e, fmt.Errorf("trade bench: %s not set: run it under `devstack exec` (make bench)", strings.Join(missing, ", "))
	}
	return e, e.sasl.Validate()
}

// freshDatabase creates a database of its own for one service on the stack's PostgreSQL server
// and returns its DSN and a function that drops it: every run starts from empty stores.
func (e stackEnv) freshDatabase(ctx context.Context, prefix string) (string, func(), error) {
	conn, err := pgx.Connect(ctx, e.postgres)
	if err != nil {
		return "", nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	defer conn.Close(ctx)
	var b [4]byte
	_, _ = rand.Read(b[:])
	name := prefix + "_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", nil, fmt.Errorf("create database %s: %w", name, err)
	}
	drop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if c, err := pgx.Connect(ctx, e.postgres); err == nil {
			_, _ = c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			_ = c.Close(ctx)
		}
	}
	u, err := url.Parse(e.postgres)
	if err != nil {
		drop()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), drop, nil
}

// tradectlRedirect is tradectl's registered redirect URI (services/signin's dev clients).
const tradectlRedirect = "http://127.0.0.1/callback"

// userTokens signs the dev users in through the real login page (authorization code with PKCE,
// as tradectl) and caches their tokens: the bench pays for sign-in once per user, like people
// who stay signed in, and every API call still carries a real, verified access token.
func (e stackEnv) userTokens() *signin.Tokens {
	cfg := signin.Config{Issuer: e.issuer, ClientID: "tradectl", RedirectURL: tradectlRedirect, Audience: e.audience}
	return &signin.Tokens{Source: func(ctx context.Context, user string) (*oauth2.Token, error) {
		// A fresh flow again after a failed one: on a loaded machine Hydra has refused a flow
		// whose consent verifier a slow request had already used, ending the whole bench.
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			var tok *oauth2.Token
			if tok, err = signin.Login(ctx, cfg, user, user+"-dev-pass"); err == nil { // the dev directory's convention
				return tok, nil
			}
		}
		return nil, err
	}}
}

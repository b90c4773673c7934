package manifests_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return d
		}
	}
	t.Fatal("no go.work above the test")
	return ""
}

// TestComposeFileIsValid loads docker-compose.yml as `docker compose` would (schema validation,
// interpolation, anchors) and checks what the platform needs from it.
func TestComposeFileIsValid(t *testing.T) {
	root := repoRoot(t)
	opts, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root), cli.WithName("tradefin"),
		// The secrets compose requires from whoever runs it.
		cli.WithEnv([]string{"HYDRA_SECRETS_SYSTEM=test-secret-of-32-characters-or-more", "TRADEFIN_SIGNIN_HOOK_KEY=test-hook-key"}))
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	for _, name := range []string{"kafka", "postgres", "temporal", "fabric", "lc", "customs", "settlement", "worker", "portal", "otel-collector", "jaeger",
		"hydra-migrate", "hydra", "signin", "hydra-clients", "ledger-importerbank", "ledger-exporterbank", "ledger-customs"} {
		if _, err := p.GetService(name); err != nil {
			t.Errorf("service %s: %v", name, err)
		}
	}
	for _, name := range []string{"lc", "customs", "settlement", "worker", "portal", "ledger-importerbank", "ledger-exporterbank", "ledger-customs"} {
		s, _ := p.GetService(name)
		if s.Environment["TRADEFIN_KAFKA_BROKERS"] == nil || s.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] == nil {
			t.Errorf("%s lacks the platform environment", name)
		}
		if iss := s.Environment["TRADEFIN_OIDC_ISSUER"]; iss == nil || s.Environment["TRADEFIN_OIDC_AUDIENCE"] == nil {
			t.Errorf("%s does not know the identity provider", name)
		} else if h, _ := p.GetService("hydra"); h.Environment["URLS_SELF_ISSUER"] == nil || *h.Environment["URLS_SELF_ISSUER"] != *iss {
			t.Errorf("%s trusts issuer %s, Hydra issues as %v", name, *iss, h.Environment["URLS_SELF_ISSUER"])
		}
		if s.Build == nil {
			t.Errorf("%s has no build", name)
			continue
		}
		if _, err := os.Stat(filepath.Join(root, s.Build.Dockerfile)); err != nil {
			t.Errorf("%s: Dockerfile %s: %v", name, s.Build.Dockerfile, err)
		}
		if cmd := s.Build.Args["CMD"]; cmd == nil {
			t.Errorf("%s: no CMD build argument", name)
		} else if _, err := os.Stat(filepath.Join(root, *cmd, "main.go")); err != nil {
			t.Errorf("%s builds %s, which has no main.go", name, *cmd)
		}
	}
	// The identity provider: Hydra's token hook carries the key the sign-in app checks, and its
	// own database is created by the init script.
	h, _ := p.GetService("hydra")
	si, _ := p.GetService("signin")
	if hook := h.Environment["OAUTH2_TOKEN_HOOK_AUTH"]; hook == nil || !strings.Contains(*hook, `"value":"test-hook-key"`) ||
		si.Environment["TRADEFIN_SIGNIN_HOOK_KEY"] == nil || *si.Environment["TRADEFIN_SIGNIN_HOOK_KEY"] != "test-hook-key" {
		t.Errorf("token hook key: hydra %v, signin %v", h.Environment["OAUTH2_TOKEN_HOOK_AUTH"], si.Environment["TRADEFIN_SIGNIN_HOOK_KEY"])
	}
	if si.Build == nil || si.Build.Args["CMD"] == nil {
		t.Error("signin has no build")
	} else if _, err := os.Stat(filepath.Join(root, *si.Build.Args["CMD"], "main.go")); err != nil {
		t.Errorf("signin builds %s, which has no main.go", *si.Build.Args["CMD"])
	}
	var clients []struct {
		ClientID string `json:"client_id"`
	}
	if b, err := os.ReadFile(filepath.Join(root, "deploy/docker/oauth2-clients.json")); err != nil || json.Unmarshal(b, &clients) != nil || len(clients) < 5 {
		t.Errorf("deploy/docker/oauth2-clients.json: %v, %d clients", err, len(clients))
	}
	// Each stateful service owns a database of its own, and the init script creates it.
	initSQL, err := os.ReadFile(filepath.Join(root, "deploy/docker/postgres-init.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(initSQL), "CREATE DATABASE hydra;") || !strings.Contains(*h.Environment["DSN"], "/hydra?") {
		t.Errorf("Hydra's DSN %v must name the hydra database, created by postgres-init.sql", h.Environment["DSN"])
	}
	for _, name := range []string{"lc", "customs", "settlement", "ledger-importerbank", "ledger-exporterbank", "ledger-customs"} {
		s, _ := p.GetService(name)
		dsn := s.Environment["TRADEFIN_POSTGRES_DSN"]
		db := "tradefin_" + strings.ReplaceAll(name, "-", "_")
		if dsn == nil || !strings.Contains(*dsn, "/"+db+"?") || !strings.Contains(string(initSQL), "CREATE DATABASE "+db+";") {
			t.Errorf("%s: DSN %v must name its own database %s, created by postgres-init.sql", name, dsn, db)
		}
	}
}

// Each ledger agent is told its organisation and given that organisation's key, no one else's;
// the services hold none.
func TestComposeGivesEachOrganisationsKeyToItsAgentOnly(t *testing.T) {
	p := loadCompose(t)
	for name, org := range map[string]string{"ledger-importerbank": "importerbank", "ledger-exporterbank": "exporterbank", "ledger-customs": "customs"} {
		s, _ := p.GetService(name)
		domain := "/peerOrganizations/" + org + ".example.com/"
		msp, cert, key := env(s, "TRADEFIN_LEDGER_MSP"), env(s, "TRADEFIN_LEDGER_CERT"), env(s, "TRADEFIN_LEDGER_KEY")
		if !strings.HasSuffix(msp, "MSP") || !strings.Contains(cert, domain) || !strings.Contains(key, domain) {
			t.Errorf("%s: organisation %q, certificate %q, key %q: want %s's own", name, msp, cert, key, org)
		}
	}
	for _, name := range []string{"lc", "customs", "settlement", "worker"} {
		s, _ := p.GetService(name)
		if len(s.Volumes) > 0 || env(s, "TRADEFIN_LEDGER_KEY") != "" {
			t.Errorf("%s mounts %v: a service holds no Fabric key", name, s.Volumes)
		}
	}
}

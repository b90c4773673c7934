package manifests_test

import (
	"context"
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
		cli.WithWorkingDirectory(root), cli.WithName("tradefin"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	for _, name := range []string{"kafka", "postgres", "temporal", "fabric", "lc", "customs", "settlement", "worker", "otel-collector", "jaeger",
		"ledger-importerbank", "ledger-exporterbank", "ledger-customs"} {
		if _, err := p.GetService(name); err != nil {
			t.Errorf("service %s: %v", name, err)
		}
	}
	for _, name := range []string{"lc", "customs", "settlement", "worker", "ledger-importerbank", "ledger-exporterbank", "ledger-customs"} {
		s, _ := p.GetService(name)
		if s.Environment["TRADEFIN_KAFKA_BROKERS"] == nil || s.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] == nil {
			t.Errorf("%s lacks the platform environment", name)
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
	// Each stateful service owns a database of its own, and the init script creates it.
	initSQL, err := os.ReadFile(filepath.Join(root, "deploy/docker/postgres-init.sql"))
	if err != nil {
		t.Fatal(err)
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

package modules_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// pure are the modules anything may import: no infrastructure in them or below them.
var pure = []string{"events/contracts", "events/money", "events/identity", "events/problem", "chaincode/rules"}

// infrastructure are the third-party libraries of transports, stores, the ledger, the workflow
// engine, telemetry and sign-in: what a pure module or a domain package must not reach.
var infrastructure = []string{
	"github.com/ThreeDotsLabs/watermill", "github.com/segmentio/kafka-go", "github.com/IBM/sarama",
	"github.com/twmb/franz-go", "github.com/jackc/pgx", "modernc.org/sqlite", "github.com/hyperledger/",
	"go.temporal.io/", "go.opentelemetry.io/", "google.golang.org/grpc", "github.com/coreos/go-oidc",
	"golang.org/x/oauth2",
}

func isInfrastructure(imp string) bool {
	for _, p := range infrastructure {
		if strings.HasPrefix(imp, p) {
			return true
		}
	}
	return false
}

func isPure(module string) bool { return slices.Contains(pure, short(module)) }

// deps lists the packages pkg depends on, directly or not, without tests.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-e", "-deps", pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

// TestPureModulesAndDomainsImportNoInfrastructure: the contracts, money, identity, problem and
// the chaincode's rules, and every service's domain, reach no infrastructure library and no
// project package outside the pure modules; a domain imports neither net/http nor database/sql.
func TestPureModulesAndDomainsImportNoInfrastructure(t *testing.T) {
	pkgs := load(t)
	for _, p := range pkgs {
		domain := strings.HasPrefix(p.path, project+"services/") && strings.Contains(p.path+"/", "/domain/")
		if !domain && !isPure(p.module) {
			continue
		}
		for _, d := range deps(t, p.path) {
			if m := moduleOf(pkgs, d); m != "" && m != p.module && !isPure(m) {
				t.Errorf("%s depends on %s, outside the pure modules", short(p.path), short(d))
			}
			if isInfrastructure(d) {
				t.Errorf("%s depends on infrastructure: %s", short(p.path), d)
			}
		}
		if domain {
			for _, imp := range p.imports {
				if imp == "net/http" || imp == "database/sql" {
					t.Errorf("domain package %s imports %s", short(p.path), imp)
				}
				if m := moduleOf(pkgs, imp); m == p.module && !strings.Contains(imp+"/", "/domain/") {
					t.Errorf("domain package %s imports %s, an outer layer of its service", short(p.path), short(imp))
				}
			}
		}
	}
}

// TestOuterLayersStayApart: which module may require which (tests included, as go.mod does).
func TestOuterLayersStayApart(t *testing.T) {
	for m, reqs := range requires(load(t), true) {
		for _, r := range reqs {
			mod, req := short(m), short(r)
			switch {
			case strings.HasPrefix(mod, "services/") && strings.HasPrefix(req, "services/"):
				t.Errorf("service %s requires service %s: services meet only through events and APIs", mod, req)
			case mod == "workflows" && strings.HasPrefix(req, "services/"):
				t.Errorf("workflows requires service %s: the workflow knows services only by contract", req)
			case strings.HasPrefix(mod, "chaincode") && req != "chaincode/rules":
				t.Errorf("chaincode module %s requires %s: the chaincode stands alone", mod, req)
			case strings.HasPrefix(mod, "events/") && !strings.HasPrefix(req, "events/") && req != "chaincode/rules":
				t.Errorf("backbone module %s requires %s, a layer above it", mod, req)
			}
		}
	}
}

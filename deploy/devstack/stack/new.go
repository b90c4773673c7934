package stack

import (
	"context"
	"io"
	"strings"

	"github.com/tradefin/tradefin/deploy/devstack/tools"
)

// Tools are the installed external programs the stack runs.
type Tools struct {
	Temporal    string
	PostgresBin string
	Fabric      tools.FabricTools
	Hydra       string
	HTMX        string // htmx.min.js, served by the portal
	Chromium    string // the browser the portal's tests drive
}

// Setup installs whatever is missing into the per-user cache (idempotent). components limits
// it to what those components need (comma-separated, e.g. "fabric"); empty means everything.
func Setup(ctx context.Context, p tools.Progress, components ...string) (Tools, error) {
	want := func(name string) bool {
		if len(components) == 0 || components[0] == "" {
			return true
		}
		return strings.Contains(","+strings.Join(components, ",")+",", ","+name+",")
	}
	var t Tools
	var err error
	if want("temporal") {
		if t.Temporal, err = tools.EnsureTemporal(ctx, p); err != nil {
			return t, err
		}
	}
	if want("fabric") {
		if t.Fabric, err = tools.EnsureFabric(ctx, p); err != nil {
			return t, err
		}
	}
	if want("hydra") {
		if t.Hydra, err = tools.EnsureHydra(ctx, p); err != nil {
			return t, err
		}
	}
	if want("postgres") {
		if t.PostgresBin, err = tools.EnsurePostgres(ctx, p); err != nil {
			return t, err
		}
	}
	if want("portal") {
		if t.HTMX, err = tools.EnsureHTMX(ctx, p); err != nil {
			return t, err
		}
	}
	if want("chromium") {
		if t.Chromium, err = tools.EnsureChromium(ctx, p); err != nil {
			return t, err
		}
	}
	return t, nil
}

// New assembles the profile's stack in start order: the platform first, then tradefin's own
// processes, which connect to it. The test profile runs only the platform (with the identity
// provider): tests start the services they exercise themselves.
func New(p Profile, t Tools, out io.Writer) *Stack {
	s := &Stack{Profile: p, Out: out, portal: portalEnv(p, t), Components: []Component{
		Kafka{p: p},
		Postgres{p: p, BinDir: t.PostgresBin},
		Temporal{p: p, Bin: t.Temporal},
		newFabric(p, t),
	}}
	// The identity provider is platform, like Kafka: the test profile runs it too.
	h := Hydra{p: p, Bin: t.Hydra}
	s.Components = append(s.Components, h, SignIn{p: p, hydra: h})
	if p.Name == "test" {
		return s
	}
	return withServices(s)
}

// withServices adds tradefin's own processes to a stack of the platform.
func withServices(s *Stack) *Stack {
	p := s.Profile
	pg := s.Components[1].(Postgres)
	for _, svc := range services {
		env := s.EnvList
		switch {
		case svc.stateful:
			env = func() []string { return append(s.EnvList(), "TRADEFIN_POSTGRES_DSN="+pg.ServiceDSN(svc.name)) }
		case svc.name == "portal":
			env = func() []string { return append(s.EnvList(), portalServiceEnv(p)...) }
		}
		s.Components = append(s.Components, Service{p: p, name: svc.name, pkg: svc.pkg, offset: svc.offset, env: env,
			kafka: s.Components[0].(Kafka), msp: svc.msp})
	}
	return s
}

// services are tradefin's own business processes in start order; a stateful one gets a database
// of its own. The ledger agents come first, right after Fabric and Kafka: each is the only holder
// of its organisation's Fabric key (msp), and the workflows' milestones wait on their task queues.
var services = []struct {
	name, pkg string
	offset    int
	stateful  bool
	msp       string
}{
	{"ledger-importerbank", ledgerAgent, offLedgerImporter, true, "ImporterBankMSP"},
	{"ledger-exporterbank", ledgerAgent, offLedgerExporter, true, "ExporterBankMSP"},
	{"ledger-customs", ledgerAgent, offLedgerCustoms, true, "CustomsMSP"},
	{"lc", "services/lc/cmd/lc", offLC, true, ""},
	{"customs", "services/customs/cmd/customs", offCustoms, true, ""},
	{"settlement", "services/settlement/cmd/settlement", offSettlement, true, ""},
	{"worker", "workflows/cmd/worker", offWorker, false, ""},
	{"portal", "services/portal/cmd/portal", offPortal, false, ""},
}

const ledgerAgent = "services/ledgeragent/cmd/ledgeragent"

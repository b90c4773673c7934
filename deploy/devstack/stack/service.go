package stack

import (
	"context"
	"strings"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
	"github.com/tradefin/tradefin/events/ledger"
)

// Service is one of tradefin's own processes (a service or the workflow worker), built from the
// checkout and started with the stack's environment.
type Service struct {
	p      Profile
	name   string
	pkg    string // Go package folder, relative to the repo root
	offset int
	env    func() []string // the stack's TRADEFIN_* variables, known once earlier components exist
	kafka  Kafka           // the process authenticates to it as the principal named like it
	msp    string          // a ledger agent's organisation: it alone gets that organisation's key
}

func (s Service) Name() string    { return s.name }
func (s Service) Address() string { return "http://" + s.p.Addr(s.offset) }
func (s Service) Log() string     { return s.p.Path("logs", s.name+".log") }
func (s Service) pidFile() string { return s.p.Path("pids", s.name+".pid") }

func (s Service) Start(ctx context.Context) error {
	if _, ok := proc.Running(s.pidFile()); ok {
		return nil
	}
	bin, err := buildBinary(ctx, s.p, s.pkg, s.name)
	if err != nil {
		return err
	}
	env := append(withoutKafkaPrincipal(s.env()),
		"TRADEFIN_HTTP_ADDR="+s.p.Addr(s.offset),
		"TRADEFIN_DATA_DIR="+s.p.Path("data", s.name),
	)
	for k, v := range s.kafka.principalEnv(s.name) {
		env = append(env, k+"="+v)
	}
	if s.msp != "" {
		key, err := s.keyMaterial()
		if err != nil {
			return err
		}
		env = append(env, key...)
	}
	_, err = proc.Start(proc.Spec{Name: s.name, Path: bin, Env: env, Dir: s.p.RepoRoot, LogFile: s.Log(), PIDFile: s.pidFile(),
		Listen: []string{s.p.Addr(s.offset)}})
	return err
}

// keyMaterial names a ledger agent's organisation and the files of its Fabric identity, and
// nobody else's, from the network the fabric component generated.
func (s Service) keyMaterial() ([]string, error) {
	n, err := ledger.LoadNetwork(s.p.Path("fabric", "network.json"))
	if err != nil {
		return nil, err
	}
	org, err := n.Org(s.msp)
	if err != nil {
		return nil, err
	}
	return []string{"TRADEFIN_LEDGER_MSP=" + s.msp, "TRADEFIN_LEDGER_CERT=" + org.User.Cert, "TRADEFIN_LEDGER_KEY=" + org.User.Key}, nil
}

// Ready asks the process's /readyz, which checks its own connections to Kafka, Temporal and Fabric.
func (s Service) Ready(ctx context.Context) error {
	url := s.Address() + "/readyz"
	return proc.WaitHTTP(ctx, url)
}

// withoutKafkaPrincipal drops the tests principal the stack's environment carries, so no process
// of the stack ever authenticates as another.
func withoutKafkaPrincipal(env []string) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "TRADEFIN_KAFKA_USER", "TRADEFIN_KAFKA_PASSWORD", "TRADEFIN_KAFKA_SASL_MECHANISM":
			continue
		}
		out = append(out, kv)
	}
	return out
}

func (s Service) Stop() error { return proc.Stop(s.pidFile(), 15*time.Second) }

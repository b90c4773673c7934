package stack

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/tradefin/tradefin/deploy/devstack/fabricnet"
)

// Fabric is the Fabric network: orderer, three peers, three chaincode servers.
type Fabric struct {
	p   Profile
	cfg fabricnet.Config
}

func newFabric(p Profile, t Tools) Fabric {
	return Fabric{p: p, cfg: fabricnet.Config{
		Dir:          p.Path("fabric"),
		Tools:        t.Fabric,
		ChaincodeSrc: filepath.Join(p.RepoRoot, "chaincode"),
		PortBase:     p.Port(offFabric),
	}}
}

func (f Fabric) Name() string { return "fabric" }
func (f Fabric) Address() string {
	return fmt.Sprintf("orderer %s, peers %d/%d/%d", "127.0.0.1:"+fmt.Sprint(f.cfg.PortBase), f.cfg.PortBase+10, f.cfg.PortBase+20, f.cfg.PortBase+30)
}
func (f Fabric) Log() string { return f.p.Path("fabric", "logs") }

// Start brings the network up completely, including its own endorsement readiness check.
func (f Fabric) Start(ctx context.Context) error {
	return fabricnet.Up(ctx, f.cfg, func(string, ...any) {})
}

func (f Fabric) Ready(ctx context.Context) error { return fabricnet.Check(ctx, f.cfg) }

func (f Fabric) Stop() error { return fabricnet.Down(f.cfg) }

func (f Fabric) Env() map[string]string {
	return map[string]string{"TRADEFIN_FABRIC_NETWORK": f.cfg.NetworkFile()}
}

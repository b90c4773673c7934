package stack

import (
	"context"
	"io"

	"github.com/tradefin/tradefin/deploy/devstack/tools"
)

// Tools are the installed external programs the stack runs.
type Tools struct {
	Temporal    string
	PostgresBin string
	Fabric      tools.FabricTools
}

// Setup installs whatever is missing into the per-user cache (idempotent).
func Setup(ctx context.Context, p tools.Progress) (Tools, error) {
	var t Tools
	var err error
	if t.Temporal, err = tools.EnsureTemporal(ctx, p); err != nil {
		return t, err
	}
	if t.Fabric, err = tools.EnsureFabric(ctx, p); err != nil {
		return t, err
	}
	if t.PostgresBin, err = tools.EnsurePostgres(ctx, p); err != nil {
		return t, err
	}
	return t, nil
}

// New assembles the profile's stack in start order.
func New(p Profile, t Tools, out io.Writer) *Stack {
	return &Stack{Profile: p, Out: out, Components: []Component{
		Kafka{p: p},
		Postgres{p: p, BinDir: t.PostgresBin},
		Temporal{p: p, Bin: t.Temporal},
		newFabric(p, t),
	}}
}

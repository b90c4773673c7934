package main

import (
	"context"
	"fmt"
	"os"

	"github.com/tradefin/tradefin/deploy/devstack/stack"
)

// killOrRestart runs `devstack kill|restart [--profile P] <process>`: kill sends SIGKILL to one
// process (a component's, or one of Fabric's: orderer, peer0.<Org>, chaincode.<Org>), as a crash
// would; restart starts it again and waits until it is ready. The soak does the same in-process.
func killOrRestart(ctx context.Context, p stack.Profile, cmd string, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: devstack %s [--profile P] <process>", cmd)
	}
	t, err := stack.Setup(ctx, func(string, ...any) {})
	if err != nil {
		return err
	}
	s := stack.WithServices(p, t, os.Stdout)
	if cmd == "kill" {
		return s.Kill(args[0])
	}
	return s.Restart(ctx, args[0])
}

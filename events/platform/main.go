package platform

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// Main runs a process: run gets a context cancelled on SIGINT/SIGTERM. A failure prints one
// readable line and exits non-zero.
func Main(service string, run func(ctx context.Context) error) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	err := run(ctx)
	stop() // here, not deferred: os.Exit would skip a deferred call
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", service, err)
		os.Exit(1)
	}
}

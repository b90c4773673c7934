package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/tradefin/tradefin/workflows/verification"
)

// verify runs `tradectl verify <trade-id>` and `tradectl verify --all`: it compares each trade's
// services' stores, Kafka, workflow and ledger (package verification), prints one line per
// milestone, and fails when any line is a MISMATCH. The sources come from the TRADEFIN_*
// environment (eval "$(make -s env)"); the services' stores when TRADEFIN_VERIFY_<SERVICE>_DSN
// name them.
func verify(ctx context.Context, args []string, out io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: tradectl verify <trade-id> | tradectl verify --all")
	}
	s, closeSources, err := verification.Open(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer closeSources()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	var reports []verification.Report
	if args[0] == "--all" {
		reports, err = s.All(ctx)
	} else {
		var r verification.Report
		r, err = s.Trade(ctx, args[0])
		reports = append(reports, r)
	}
	if err != nil {
		return err
	}
	bad := 0
	for _, r := range reports {
		r.Write(out)
		if !r.OK() {
			bad++
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d trades do not reconcile", bad, len(reports))
	}
	return nil
}

func verifyCommand(ctx context.Context, args []string) (bool, error) {
	if len(args) == 0 || args[0] != "verify" {
		return false, nil
	}
	return true, verify(ctx, args[1:], os.Stdout)
}

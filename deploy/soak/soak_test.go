package soak_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/deploy/soak"
)

// TestShortSoak is make test's soak: 20 trades of every path (complying, refused and waived or
// not, amended, expired, cancelled, payment rejected and instructed again), all at once, while
// the worker and the LC service are each killed -9 once and restarted. Every trade reaches its
// path's terminal state (CLOSED, EXPIRED, CANCELLED, or the refusal standing), none twice on
// the ledger, and every trade reconciles.
func TestShortSoak(t *testing.T) {
	testenv.KafkaBrokers(t) // the test stack (skipped under make test-unit)
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	p, err := soak.StartPlatform(ctx, os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	cfg := p.Config(20, 20, []string{"worker", "lc"}, t.Logf)
	cfg.TradeTimeout = 4 * time.Minute // an expired path's credit lives up to 2.5 min
	res, err := soak.Run(ctx, cfg)
	res.Print(os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Summary(); s != (soak.Summary{}) {
		t.Errorf("the soak found %+v (table above)", s)
	}
	for _, k := range res.Kills {
		if k.Err != "" || k.Down == 0 {
			t.Errorf("kill of %s: %q", k.Process, k.Err)
		}
	}
	if done := len(res.Trades); done != 20 {
		t.Errorf("%d trades", done)
	}
}

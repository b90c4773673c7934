// Command soak is `make soak`: it starts tradefin's processes on the test profile's platform and
// runs package soak at full size (200 trades, 20 at a time, every component killed -9 once),
// prints the table, and exits non-zero when any trade was lost, stuck, wrong, duplicated or
// does not reconcile.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/tradefin/tradefin/deploy/soak"
)

func main() {
	trades := flag.Int("trades", 200, "trades to walk")
	concurrency := flag.Int("concurrency", 20, "trades at a time")
	kill := flag.String("kill", strings.Join(soak.EveryComponent, ","), "processes to kill -9 once each (comma-separated; empty: none)")
	seed := flag.Uint64("seed", 0, "seed of the kill schedule (0: from the clock)")
	paths := flag.String("paths", "", "the paths to mix, by key, comma-separated (empty: every path)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, *trades, *concurrency, *kill, *paths, *seed)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, trades, concurrency int, kill, paths string, seed uint64) error {
	log := func(format string, args ...any) {
		fmt.Printf("[%s] "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
	}
	p, err := soak.StartPlatform(ctx, os.Stdout)
	if err != nil {
		return err
	}
	defer p.Close()
	cfg := p.Config(trades, concurrency, nil, log)
	if paths != "" {
		if cfg.Paths, err = soak.PathsByKey(cfg.Paths, strings.Split(paths, ",")); err != nil {
			return err
		}
	}
	var kills []string
	if kill != "" {
		kills = strings.Split(kill, ",")
	}
	cfg.Kill, cfg.Seed = kills, seed
	res, err := soak.Run(ctx, cfg)
	res.Print(os.Stdout)
	if err != nil {
		return err
	}
	if s := res.Summary(); s != (soak.Summary{}) {
		return fmt.Errorf("lost %d, stuck %d, wrong %d, duplicates %d, mismatches %d", s.Lost, s.Stuck, s.Wrong, s.Duplicates, s.Mismatches)
	}
	return nil
}

// Command benchtrade runs only the whole-trade benchmark (the bench command runs it with the
// others): `go run ./deploy/devstack/cmd/devstack exec -- go run ./deploy/bench/trade/cmd/benchtrade`.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/tradefin/tradefin/deploy/bench/trade"
)

func main() {
	var o trade.Options
	flag.IntVar(&o.LedgerSequential, "ledger-sequential", 0, "fabric submits one at a time")
	flag.IntVar(&o.LedgerConcurrent, "ledger-concurrent", 0, "fabric submits in the concurrent round")
	flag.IntVar(&o.LedgerInFlight, "ledger-in-flight", 0, "fabric submits in flight")
	flag.IntVar(&o.TradesSequential, "trades-sequential", 0, "trades one at a time")
	flag.IntVar(&o.TradesConcurrent, "trades-concurrent", 0, "trades in the concurrent round")
	flag.IntVar(&o.TradesInFlight, "trades-in-flight", 0, "trades in flight")
	flag.IntVar(&o.DiscrepantEvery, "discrepant-every", 0, "every n-th concurrent trade is refused then waived (-1: none)")
	flag.IntVar(&o.FloorWorkflows, "floor-workflows", 0, "trade-shaped workflows of the Temporal floor, all at once")
	flag.BoolVar(&o.Explain, "explain", false, "also walk one trade alone and print where its time went")
	flag.DurationVar(&o.Poll, "poll", 0, "how often a lone trade's scenario client checks on the workflow")
	flag.DurationVar(&o.PollConcurrent, "poll-concurrent", 0, "the same in the concurrent round")
	cpuProfile := flag.String("cpuprofile", "", "write this process's CPU profile (the in-process platform's) to the file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		_ = pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	o.Progress = os.Stderr
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	_, err := trade.RunWith(ctx, os.Stdout, o)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		pprof.StopCPUProfile()
		os.Exit(1) //nolint:gocritic // the profile is stopped by hand just above
	}
}

// Command bench compares tradefin's event backbone with its baselines on this machine, side by
// side in one run: the Kafka Pub/Sub against watermill-kafka (Sarama) and raw kafka-go on the
// same broker, event-store appends against plain INSERTs on the same databases, and whole trades
// through the platform against the ledger's own floor and ceiling (package trade). Each
// comparison prints a machine-readable line `ratio <name> <value>`. `make bench` runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/tradefin/tradefin/deploy/bench/trade"
)

// result is one measured row.
type result struct {
	group, name string
	ops         int
	elapsed     time.Duration
}

func (r result) rate() float64 { return float64(r.ops) / r.elapsed.Seconds() }

// comparison names a ratio of two rows (numerator / denominator of their rates).
type comparison struct{ name, num, den string }

func main() {
	messages := flag.Int("messages", 20000, "messages per Pub/Sub round")
	appends := flag.Int("appends", 2000, "appends per event-store round")
	rounds := flag.Int("rounds", 3, "rounds per contender (the median counts)")
	trades := flag.Bool("trades", true, "also measure whole trades against the ledger's ceiling")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()

	var results []result
	var comps []comparison
	r, c, err := benchPubSub(ctx, *messages, *rounds)
	if err != nil {
		fail(err)
	}
	results, comps = append(results, r...), append(comps, c...)
	r, c, err = benchStores(ctx, *appends, *rounds)
	if err != nil {
		fail(err)
	}
	results, comps = append(results, r...), append(comps, c...)
	printReport(results, comps)
	if *trades {
		fmt.Println()
		if _, err := trade.Run(ctx, os.Stdout); err != nil {
			fail(err)
		}
	}
}

func printReport(results []result, comps []comparison) {
	fmt.Printf("%-10s %-44s %10s %12s %14s\n", "group", "contender", "ops", "median time", "ops/s")
	byName := map[string]result{}
	for _, r := range results {
		byName[r.name] = r
		fmt.Printf("%-10s %-44s %10d %12s %14.0f\n", r.group, r.name, r.ops, r.elapsed.Round(time.Millisecond), r.rate())
	}
	fmt.Println()
	for _, c := range comps {
		n, d := byName[c.num], byName[c.den]
		fmt.Printf("ratio %s %.2f\n", c.name, n.rate()/d.rate())
	}
}

// median runs f rounds times and returns the median duration.
func median(rounds int, f func() (time.Duration, error)) (time.Duration, error) {
	var ds []time.Duration
	for range rounds {
		d, err := f()
		if err != nil {
			return 0, err
		}
		ds = append(ds, d)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2], nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

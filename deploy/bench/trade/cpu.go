package trade

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// cpuShares says where the machine's CPU went during a round: the CPU seconds of each stack
// component (its process and every descendant, so PostgreSQL's backends count for PostgreSQL)
// and of this process, which runs the whole tradefin platform. CPU seconds, unlike wall time,
// hardly depend on what else the machine does, so a change that cuts work shows here even on a
// noisy 2-core machine, and the largest share is where throughput is lost.
type cpuShares map[string]float64 // component → CPU seconds

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux that Go
// supports (the kernel's ABI fixes it for user space).
const clockTicks = 100

// readCPU snapshots the CPU seconds used so far by each component named in the stack's
// `<component>.pid` files (the profile's pids/ and the Fabric network's fabric/pids/ under
// profileDir) and by this process (as "tradefin platform (bench process)"). Processes that
// belong to none count as "other".
func readCPU(profileDir string) cpuShares {
	owners := map[int]string{os.Getpid(): "tradefin platform (bench process)"}
	files, _ := filepath.Glob(filepath.Join(profileDir, "pids", "*.pid"))
	fabric, _ := filepath.Glob(filepath.Join(profileDir, "fabric", "pids", "*.pid"))
	for _, f := range append(files, fabric...) {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			owners[pid] = strings.TrimSuffix(filepath.Base(f), ".pid")
		}
	}
	type proc struct {
		ppid int
		cpu  float64
	}
	procs := map[int]proc{}
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, d := range dirs {
		b, err := os.ReadFile(d)
		if err != nil {
			continue // it ended meanwhile
		}
		// pid (comm) state ppid ... utime stime: comm may hold spaces, so cut at its last ')'.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 15 {
			continue
		}
		pid, _ := strconv.Atoi(strings.Fields(s)[0])
		ppid, _ := strconv.Atoi(f[1])
		// utime, stime, and cutime, cstime: the CPU of its children that ended and were waited
		// for, which /proc no longer lists (PostgreSQL's backends, one per connection).
		cpu := 0.0
		for _, t := range f[11:15] {
			v, _ := strconv.ParseFloat(t, 64)
			cpu += v
		}
		procs[pid] = proc{ppid: ppid, cpu: cpu / clockTicks}
	}
	out := cpuShares{}
	for pid, p := range procs {
		owner := "other"
		for q, hops := pid, 0; q > 1 && hops < 64; q, hops = procs[q].ppid, hops+1 {
			if name, ok := owners[q]; ok {
				owner = name
				break
			}
		}
		out[owner] += p.cpu
	}
	return out
}

// since is the CPU each component used between before and s.
func (s cpuShares) since(before cpuShares) cpuShares {
	d := cpuShares{}
	for k, v := range s {
		if dv := v - before[k]; dv > 0.005 {
			d[k] = dv
		}
	}
	return d
}

// print writes the shares of a round of trades, largest first, per trade and as a share of all.
func (s cpuShares) print(out io.Writer, trades int) {
	type row struct {
		name string
		sec  float64
	}
	var rows []row
	for k, v := range s {
		if k != "other" { // processes of other profiles or sessions: not the platform's
			rows = append(rows, row{k, v})
		}
	}
	total := s.total()
	sort.Slice(rows, func(i, j int) bool { return rows[i].sec > rows[j].sec })
	fmt.Fprintf(out, "cpu of the concurrent round, by component (CPU seconds; per trade; share):\n")
	for _, r := range rows {
		fmt.Fprintf(out, "  %-36s %8.1f s %8.3f s %5.1f%%\n", r.name, r.sec, r.sec/float64(trades), 100*r.sec/total)
	}
	fmt.Fprintf(out, "  %-36s %8.1f s %8.3f s\n", "all", total, total/float64(trades))
}

// total is the CPU seconds of every component (not "other": processes of other profiles).
func (s cpuShares) total() float64 {
	sum := 0.0
	for k, v := range s {
		if k != "other" {
			sum += v
		}
	}
	return sum
}

// ledger is the CPU seconds of the Fabric network's processes (peers, orderer, chaincode
// services) among the shares.
func (s cpuShares) ledger() float64 {
	sum := 0.0
	for k, v := range s {
		if strings.HasPrefix(k, "peer") || strings.HasPrefix(k, "orderer") || strings.HasPrefix(k, "chaincode") {
			sum += v
		}
	}
	return sum
}

// printLedgerCost says what the ledger's own work costs: a raw submit's CPU in the ceiling's
// round against a trade's transaction's in the round of trades, and what the ratio of
// throughputs would be with every core busy at the round's CPU per trade. On one machine the
// ledger and the platform share the cores, so that is the most the ratio can be here without
// cutting the work per trade; a ratio well below it means the round waited on something other
// than CPU.
func printLedgerCost(out io.Writer, f Figures) {
	tx, trades := f.LedgerConcurrent.Tx, f.TradesConcurrent
	if tx == 0 || trades.Trades == 0 || trades.Transactions == 0 {
		return
	}
	all := f.CPU.total()
	perTrade := all / float64(trades.Trades)
	fmt.Fprintf(out, "ledger cost (peers, orderer, chaincode; CPU):\n")
	if n := f.LedgerSequential.Tx; n > 0 { // one transaction a block: what a block costs beside its transactions
		fmt.Fprintf(out, "  a raw submit alone (one a block)             %6.1f ms\n", 1000*f.LedgerAloneCPU.ledger()/float64(n))
	}
	fmt.Fprintf(out, "  a raw submit in the ceiling's round          %6.1f ms\n", 1000*f.LedgerCPU.ledger()/float64(tx))
	fmt.Fprintf(out, "  a trade's transaction in the round of trades %6.1f ms   (%.1f transactions, %.1f milestones a trade)\n",
		1000*f.CPU.ledger()/float64(trades.Transactions), trades.TransactionsPerTrade(), trades.MilestonesPerTrade())
	fmt.Fprintf(out, "  a trade                                      %6.1f ms   (%.0f%% of its CPU)\n",
		1000*f.CPU.ledger()/float64(trades.Trades), 100*f.CPU.ledger()/all)
	cores := float64(runtime.NumCPU())
	fmt.Fprintf(out, "every core busy at %.2f CPU-s a trade: %.2f trades/s, throughput ratio %.2f\n",
		perTrade, cores/perTrade, cores/perTrade*trades.MilestonesPerTrade()/f.LedgerConcurrent.TxPerSecond())
}

// printBudget says what the throughput target leaves each trade: the trades a second it needs,
// on these cores, leave each this much CPU, of which the ledger's own share is already spent,
// and, when the floor round ran, the least Temporal takes of the rest.
func printBudget(out io.Writer, f Figures) {
	trades := f.TradesConcurrent
	if f.LedgerConcurrent.Tx == 0 || trades.Trades == 0 {
		return
	}
	cores := float64(runtime.NumCPU())
	needed := throughputTarget * f.LedgerConcurrent.TxPerSecond() / trades.MilestonesPerTrade()
	budget, ledger := cores/needed, f.CPU.ledger()/float64(trades.Trades)
	fmt.Fprintf(out, "the throughput target (%.2f) needs %.2f trades/s: at most %.2f CPU-s a trade; the ledger's %.2f s leave %.2f s",
		throughputTarget, needed, budget, ledger, budget-ledger)
	if fl := f.TemporalFloor; fl.Workflows > 0 {
		fmt.Fprintf(out, ", of which Temporal's floor takes %.2f s", fl.serverEach())
	}
	fmt.Fprintf(out, " (the trades' platform, Temporal and the rest used %.2f s)\n", f.CPU.total()/float64(trades.Trades)-ledger)
}

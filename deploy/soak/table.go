package soak

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// Summary counts what the soak must find none of.
type Summary struct {
	Lost, Stuck, Wrong, Duplicates, Mismatches int
}

// Summary adds up the trades.
func (r Result) Summary() Summary {
	var s Summary
	for _, t := range r.Trades {
		switch {
		case t.Wrong != "":
			s.Wrong++
		case t.Workflow == "":
			s.Lost++ // not even the workflow knows it
		case !t.Done:
			s.Stuck++
		}
		s.Duplicates += duplicates(t)
		s.Mismatches += t.Report.Mismatches()
	}
	return s
}

// duplicates counts ledger records of a milestone a trade of these paths holds once.
func duplicates(t Trade) int {
	seen, n := map[string]bool{}, 0
	for _, l := range t.Report.Lines {
		if l.Seq == 0 {
			continue
		}
		if seen[l.Milestone] {
			n++
		}
		seen[l.Milestone] = true
	}
	return n
}

// Print writes the soak's table: per path, the kill schedule, the totals, then each trade that
// went wrong and each mismatching line.
func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "soak: %d trades in %s (seed %d)\n", len(r.Trades), r.Took.Round(time.Second), r.Seed)
	if r.Planned > len(r.Trades) {
		fmt.Fprintf(w, "  interrupted: %d of %d trades started; those walking then count as stuck\n", len(r.Trades), r.Planned)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %-22s %6s %9s %6s %6s %5s %9s %9s %9s\n", "path", "trades", "terminal", "stuck", "wrong", "lost", "p50", "p95", "max")
	var paths []string
	for _, t := range r.Trades {
		if !slices.Contains(paths, t.Path) {
			paths = append(paths, t.Path)
		}
	}
	for _, p := range paths {
		var n, done, stuck, wrong, lost int
		var took []time.Duration
		for _, t := range r.Trades {
			if t.Path != p {
				continue
			}
			n++
			switch {
			case t.Done:
				done++
				took = append(took, t.Took)
			case t.Wrong != "":
				wrong++
			case t.Workflow == "":
				lost++
			default:
				stuck++
			}
		}
		slices.Sort(took)
		fmt.Fprintf(w, "  %-22s %6d %9d %6d %6d %5d %9s %9s %9s\n", p, n, done, stuck, wrong, lost, pct(took, 50), pct(took, 95), pct(took, 100))
	}
	s := r.Summary()
	fmt.Fprintf(w, "\n  duplicates %d, reconciliation mismatches %d\n\n  kill schedule:\n", s.Duplicates, s.Mismatches)
	for _, k := range r.Kills {
		state := fmt.Sprintf("down %s", k.Down.Round(100*time.Millisecond))
		if k.Revived > 0 {
			state += fmt.Sprintf(", died again after it and restarted %d× by the supervisor", k.Revived)
		}
		if k.Err != "" {
			state = k.Err
		}
		fmt.Fprintf(w, "    %-8s kill -9 %-22s at trade %-4d %s\n", k.At.Round(100*time.Millisecond), k.Process, k.AtTrade, state)
	}
	for _, t := range r.Trades {
		if !t.Done {
			fmt.Fprintf(w, "\n  %s (%s): %s%s (trade %q, workflow %q)\n", t.ID, t.Path, t.Failed, t.Wrong, t.Status, t.Workflow)
		}
		if !t.Done || !t.Report.OK() {
			t.Report.Write(w)
		}
	}
	fmt.Fprintln(w)
}

func pct(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "-"
	}
	i := min(len(ds)-1, (len(ds)*p+99)/100-1)
	return ds[max(0, i)].Round(100 * time.Millisecond).String()
}

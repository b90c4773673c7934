package verification

import (
	"fmt"
	"io"
	"strings"
)

// Line statuses.
const (
	OK       = "OK"
	Mismatch = "MISMATCH"
	// Pending: the event is on Kafka and the workflow, still running, holds it for a milestone
	// it has not committed yet. Not a disagreement while the trade runs.
	Pending = "PENDING"
)

// Line is the verdict on one milestone (Seq 0: one the ledger does not have).
type Line struct {
	Seq       int      `json:"seq,omitempty"`
	Milestone string   `json:"milestone"`
	Org       string   `json:"org,omitempty"`
	EventID   string   `json:"eventId,omitempty"`
	Status    string   `json:"status"`
	Why       []string `json:"why,omitempty"` // every disagreement found, for MISMATCH and PENDING
}

// Report is the verdict on one trade.
type Report struct {
	TradeID string `json:"tradeId"`
	// Checked names the sources compared (services, kafka, workflow, ledger peers).
	Checked []string `json:"checked"`
	Lines   []Line   `json:"lines"`
}

// Mismatches counts the lines that are MISMATCH.
func (r Report) Mismatches() int {
	n := 0
	for _, l := range r.Lines {
		if l.Status == Mismatch {
			n++
		}
	}
	return n
}

// OK reports whether every source agrees (pending milestones of a running trade allowed).
func (r Report) OK() bool { return r.Mismatches() == 0 }

// Write prints the report: a heading, then one line per milestone with why it disagrees.
func (r Report) Write(w io.Writer) {
	verdict := OK
	if !r.OK() {
		verdict = fmt.Sprintf("%s (%d)", Mismatch, r.Mismatches())
	}
	fmt.Fprintf(w, "trade %s: %s; compared %s\n", r.TradeID, verdict, strings.Join(r.Checked, ", "))
	for _, l := range r.Lines {
		seq := "-"
		if l.Seq > 0 {
			seq = fmt.Sprint(l.Seq)
		}
		fmt.Fprintf(w, "  %-3s %-20s %-16s %-8s %s\n", seq, l.Milestone, l.Org, l.Status, strings.Join(l.Why, "; "))
	}
}

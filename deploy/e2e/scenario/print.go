package scenario

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// Print writes the timeline: the workflow, then each milestone with its ledger transaction.
func Print(w io.Writer, t tradeview.Timeline) {
	fmt.Fprintf(w, "trade %s: %s (workflow %s %s), %d events\n", t.TradeID, t.Status, t.Workflow.ID, t.Workflow.Status, len(t.Events))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  #\tmilestone\tcommitted by\tacted\tblock\tfabric transaction\tevent sha-256")
	for i, m := range t.Milestones {
		tx := m.TxID
		if m.Error != "" {
			tx = "FAILED: " + m.Error
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%d\t%s\t%.16s…\n", i+1, m.Name, m.Org, actedBy(m.Actor), m.Block, tx, m.SHA256)
	}
	for _, m := range t.Pending {
		fmt.Fprintf(tw, "  -\t%s\t%s\t%s\t\twaiting for its turn on the ledger\t%.16s…\n", m.Name, m.Org, actedBy(m.Actor), m.SHA256)
	}
	_ = tw.Flush()
	if p := t.Payment; p != nil {
		fmt.Fprintf(w, "payment of %s presentation %s: instructed by the workflow, settlement answered %q %s\n", p.LCID, p.PresentationID, p.Status, p.Error)
	}
}

// actedBy is who took the step: the user and organisation ("the workflow" for its own steps).
func actedBy(s identity.Stamp) string {
	if s.Org == "" {
		return "the workflow"
	}
	return s.User + "@" + s.Org
}

package verification

import (
	"context"
	"errors"

	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// ReadWorkflow reads the trade's workflow state (its result once it has ended, else its query),
// nil when Temporal has no workflow for the trade.
func ReadWorkflow(ctx context.Context, c client.Client, tradeID string) (*Workflow, error) {
	t, err := tradeview.Get(ctx, c, tradeID)
	var p *problem.Error
	if errors.As(err, &p) && p.Kind == problem.NotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	wf := &Workflow{Status: t.Status, Running: t.Workflow.CloseTime == nil}
	for _, e := range t.Events {
		wf.Events = append(wf.Events, Event{ID: e.ID, Type: e.Type, Source: e.Source, SHA256: e.SHA256})
	}
	wf.Milestones = workflowMilestones(t.Milestones)
	wf.Pending = workflowMilestones(t.Pending)
	return wf, nil
}

func workflowMilestones(ms []tradeview.Milestone) []Milestone {
	out := make([]Milestone, 0, len(ms))
	for _, m := range ms {
		out = append(out, Milestone{Name: m.Name, Org: m.Org, EventID: m.EventID, SHA256: m.SHA256, TxID: m.TxID, Error: m.Error})
	}
	return out
}

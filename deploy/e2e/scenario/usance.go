package scenario

import (
	"context"

	"github.com/tradefin/tradefin/workflows/tradeview"
)

// ApplyWith: the importer applies for the walk's credit with the availability given (MT700 41a
// with 42C/42a or 42P, as the LC API takes it), e.g. a usance credit by acceptance of drafts.
func (c *Client) ApplyWith(ctx context.Context, w *Walk, availability map[string]any) error {
	t := terms(w.TradeID, w.amount, w.day)
	t["availability"] = availability
	return c.call(ctx, importer, "POST", c.LC+"/v1/letters-of-credit", map[string]any{"id": w.LCID, "tradeId": w.TradeID, "terms": t}, nil)
}

// Credit reads the walk's credit as the issuing bank sees it.
func (c *Client) Credit(ctx context.Context, w *Walk, out any) error {
	return c.call(ctx, issuingBank, "GET", c.LC+w.credit(), nil, out)
}

// AwaitClosed waits until the trade's workflow execution has closed and answers its timeline.
// Done when the execution itself has closed, not merely its state says so: the state turns
// CLOSED a moment before the workflow function returns.
func (c *Client) AwaitClosed(ctx context.Context, tradeID string) (tradeview.Timeline, error) {
	var tl tradeview.Timeline
	err := c.poll(ctx, "the trade to close", func() (bool, error) {
		t, err := c.Timeline(ctx, tradeID)
		if err != nil {
			return false, nil // the bridge may not have started the workflow yet
		}
		tl = t
		return t.Workflow.CloseTime != nil, nil
	})
	return tl, err
}

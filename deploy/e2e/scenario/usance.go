package scenario

import (
	"context"
	"fmt"

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
// CLOSED a moment before the workflow function returns. Each request is a long poll (the view's
// wait, closeWait): the view answers once the workflow has closed, so a walk asks a few times
// and not every PollInterval; only a trade whose workflow the bridge has not started yet is
// asked again after PollInterval.
func (c *Client) AwaitClosed(ctx context.Context, tradeID string) (tradeview.Timeline, error) {
	var tl tradeview.Timeline
	err := c.poll(ctx, "the trade to close", func() (bool, error) {
		err := c.call(ctx, importer, "GET", fmt.Sprintf("%s/v1/trades/%s?wait=%d", c.Trades, tradeID, closeWait), nil, &tl)
		return err == nil && tl.Workflow.CloseTime != nil, nil // an error: the workflow may not have started yet
	})
	return tl, err
}

// closeWait is how many seconds AwaitClosed's requests hold: within the HTTP client's timeout.
const closeWait = 20

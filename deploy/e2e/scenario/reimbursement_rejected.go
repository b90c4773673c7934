package scenario

import (
	"context"
	"fmt"
)

// rejectThenSettle: the settlement bank rejects the payment's instructed attempt with reason
// (pacs.002 RJCT); the trade workflow, told by settlement.payment_failed.v1, instructs it again,
// settlement re-instructing at once a rejection that may pass by itself (AM04, insufficient
// funds: a new attempt, a new UETR); the settlement bank then reports the new attempt settled.
func (c *Client) rejectThenSettle(ctx context.Context, paymentID, reason string) error {
	first, err := c.instructedPayment(ctx, paymentID)
	if err != nil {
		return err
	}
	url := c.Settlement + "/v1/payments/" + paymentID
	if err := c.call(ctx, settlementOps, "POST", url+"/status-reports", statusReport(first, "RJCT", reason), nil); err != nil {
		return err
	}
	var again Payment
	err = c.poll(ctx, fmt.Sprintf("the workflow to instruct payment %s again after its rejection (%s)", paymentID, reason), func() (bool, error) {
		err := c.call(ctx, settlementOps, "GET", url, nil, &again)
		return err == nil && again.Status == "instructed" && again.UETR != first.UETR, err
	})
	if err != nil {
		return err
	}
	return c.call(ctx, settlementOps, "POST", url+"/status-reports", pacs002(again), nil)
}

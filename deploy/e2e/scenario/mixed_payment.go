package scenario

import (
	"context"
	"strconv"

	"github.com/tradefin/tradefin/events/contracts"
)

// InstalmentPaymentID is the settlement payment of instalment n of the walk's honoured
// presentation (a mixed payment credit's, contracts.InstalmentRef).
func (w *Walk) InstalmentPaymentID(n int) string {
	ref := contracts.InstalmentRef(contracts.PaymentRef{TradeID: w.TradeID, LCID: w.LCID, PresentationID: "P-1"}, n)
	return ref.TradeID + ":" + ref.LCID + ":" + ref.PresentationID
}

// SettleInstalment waits for the workflow to have settlement instruct instalment n and feeds
// back the settlement bank's pacs.002 saying it settled; the walk's payment becomes that one.
func (c *Client) SettleInstalment(ctx context.Context, w *Walk, n int) error {
	w.PaymentID = w.InstalmentPaymentID(n)
	c.progress("settling instalment %s", strconv.Itoa(n))
	return c.settlePayment(ctx, w.PaymentID)
}

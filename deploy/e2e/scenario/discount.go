package scenario

import (
	"context"

	"github.com/tradefin/tradefin/events/contracts"
)

// Discounting before maturity (UCP 600 Art. 12(b)): the advising bank, nominated to accept the
// draft (41a), prepays the accepted draft at a rate before its maturity. Settlement raises the
// proceeds' payment from lc.undertaking_discounted.v1 (from the nominated bank to the
// beneficiary), the workflow instructs it once UNDERTAKING_DISCOUNTED is on the ledger, and the
// settlement bank reports it settled; at maturity the issuing bank's payment of the face goes to
// the nominated bank.

// Discount has the advising bank (ana) discount presentation P-1's undertaking at rateBP basis
// points a year, then settles the proceeds' payment and returns it as settled, with the
// proceeds' pacs.009 as sent.
func (c *Client) Discount(ctx context.Context, w *Walk, rateBP int) (Payment, []byte, error) {
	c.progress("the advising bank discounts the accepted draft at %d bp", rateBP)
	if err := c.call(ctx, advisingBank, "POST", c.LC+w.credit()+"/presentations/P-1/discount", map[string]any{"rateBasisPoints": rateBP}, nil); err != nil {
		return Payment{}, nil, err
	}
	id := DiscountPaymentID(w)
	if err := c.settlePayment(ctx, id); err != nil {
		return Payment{}, nil, err
	}
	var p Payment
	if err := c.call(ctx, settlementOps, "GET", c.Settlement+"/v1/payments/"+id, nil, &p); err != nil {
		return p, nil, err
	}
	msg, err := c.Pacs009(ctx, id)
	return p, msg, err
}

// DiscountPaymentID is the payment of the proceeds of P-1's discount (contracts.DiscountRef).
func DiscountPaymentID(w *Walk) string {
	ref := contracts.DiscountRef(contracts.PaymentRef{TradeID: w.TradeID, LCID: w.LCID, PresentationID: "P-1"})
	return ref.TradeID + ":" + ref.LCID + ":" + ref.PresentationID
}

// Pacs009 is the current attempt's pacs.009 of payment id, as the settlement bank reads it.
func (c *Client) Pacs009(ctx context.Context, id string) ([]byte, error) {
	var msg []byte
	err := c.call(ctx, settlementOps, "GET", c.Settlement+"/v1/payments/"+id+"/messages/pacs.009", nil, &msg)
	return msg, err
}

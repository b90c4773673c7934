package scenario

import "context"

// The steps of the paths off the straight line: an amendment, a cancellation, a credit that
// expires unused, a payment rejected and re-instructed after its correction.

// Amend: the issuing bank extends the credit's expiry by 15 days (MT707, UCP 600 Art. 10(a)) and
// the beneficiary accepts the amendment (Art. 10(c)), so lc.amended.v1 moves its presentable-
// until instant.
func (c *Client) Amend(ctx context.Context, w *Walk) error {
	if err := c.call(ctx, issuingBank, "POST", c.LC+w.credit()+"/amendments", map[string]any{"date": w.day(0), "newExpiry": w.day(60)}, nil); err != nil {
		return err
	}
	// The advising bank that advised the credit advises its amendment first (UCP 600 Art. 9(d)).
	if err := c.call(ctx, advisingBank, "POST", c.LC+w.credit()+"/amendments/1/advice", nil, nil); err != nil {
		return err
	}
	return c.call(ctx, exporter, "POST", c.LC+w.credit()+"/amendments/1/answer", map[string]any{"accepted": true}, nil)
}

// Cancel: the issuing bank proposes to cancel the credit and the beneficiary consents (UCP 600
// Art. 10(a)): lc.cancelled.v1.
func (c *Client) Cancel(ctx context.Context, w *Walk) error {
	if err := c.call(ctx, issuingBank, "POST", c.LC+w.credit()+"/cancellation", map[string]any{"reason": "the sale was called off"}, nil); err != nil {
		return err
	}
	return c.call(ctx, exporter, "POST", c.LC+w.credit()+"/cancellation/answer", map[string]any{"accepted": true}, nil)
}

// ApplyExpiring: the importer applies for a credit that expires at place on date (its last
// shipment that day too): a place whose day ends soon makes a credit that expires within
// minutes (the place must be on the LC service's banking calendars, TRADEFIN_LC_CALENDARS).
func (c *Client) ApplyExpiring(ctx context.Context, w *Walk, place, date string) error {
	t := terms(w.TradeID, w.amount, w.day)
	t["expiryPlace"], t["expiryDate"], t["latestShipment"] = place, date, date
	return c.call(ctx, importer, "POST", c.LC+"/v1/letters-of-credit", map[string]any{"id": w.LCID, "tradeId": w.TradeID, "terms": t}, nil)
}

// RejectPayment: once the workflow has had settlement instruct the payment, the settlement bank
// rejects it with reason (pacs.002 RJCT, an ExternalStatusReason1Code such as AC01, a wrong
// account, which needs the debtor bank's correction).
func (c *Client) RejectPayment(ctx context.Context, w *Walk, reason string) error {
	p, err := c.instructed(ctx, &w.Result)
	if err != nil {
		return err
	}
	return c.call(ctx, settlementOps, "POST", c.Settlement+"/v1/payments/"+w.PaymentID+"/status-reports", statusReport(p, "RJCT", reason), nil)
}

// CorrectPayment: a payments officer of the issuing bank (the debtor) corrects the rejected
// payment's creditor account, which instructs it again as a new attempt.
func (c *Client) CorrectPayment(ctx context.Context, w *Walk) error {
	return c.call(ctx, paymentsOfficer, "POST", c.Settlement+"/v1/payments/"+w.PaymentID+"/correction",
		map[string]any{"creditorAccount": "PT50000201231234567890154"}, nil)
}

// paymentsOfficer is the issuing bank's payments officer, who corrects its rejected payments.
var paymentsOfficer = party{"per", "ESSESESS", "Skandinaviska Enskilda Banken"}

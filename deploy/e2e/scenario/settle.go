package scenario

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Payment is the part of settlement's payment view the scenario reads.
type Payment struct {
	ID       string       `json:"id"`
	Status   string       `json:"status"`
	Amount   money.Money  `json:"amount"`
	Credited *money.Money `json:"credited"`
	FX       *struct {
		Rate string `json:"rate"`
	} `json:"fx"`
	MsgID    string `json:"msgId"`
	UETR     string `json:"uetr"`
	Postings []struct {
		Account string      `json:"account"`
		Side    string      `json:"side"` // debit or credit
		Amount  money.Money `json:"amount"`
	} `json:"postings"`
}

// settle waits for the trade workflow to have settlement instruct the payment (settlement raised
// it from lc.honoured.v1; the workflow drives the instruction, the pacs.009), then feeds back the
// settlement bank's pacs.002 saying it settled (ACSC). The settlement bank (NCLRSESS, a
// payments officer) reads the payment and reports its status; the demo amount (EUR 84,000.00) is
// below the four-eyes threshold (default 1,000,000.00), so no approval step is needed.
func (c *Client) settle(ctx context.Context, r *Result) error {
	p, err := c.instructed(ctx, r)
	if err != nil {
		return err
	}
	return c.call(ctx, settlementOps, "POST", c.Settlement+"/v1/payments/"+r.PaymentID+"/status-reports", pacs002(p), nil)
}

// instructed waits until the workflow has had settlement instruct the trade's payment (P-1) and
// returns it as the settlement bank reads it.
func (c *Client) instructed(ctx context.Context, r *Result) (Payment, error) {
	r.PaymentID = r.TradeID + ":" + r.LCID + ":P-1"
	return c.instructedPayment(ctx, r.PaymentID)
}

// settlePayment is settle for the payment of one honoured presentation (a drawing's).
func (c *Client) settlePayment(ctx context.Context, paymentID string) error {
	p, err := c.instructedPayment(ctx, paymentID)
	if err != nil {
		return err
	}
	return c.call(ctx, settlementOps, "POST", c.Settlement+"/v1/payments/"+paymentID+"/status-reports", pacs002(p), nil)
}

// instructedPayment waits until the workflow has had settlement instruct payment paymentID and
// returns it as the settlement bank reads it.
func (c *Client) instructedPayment(ctx context.Context, paymentID string) (Payment, error) {
	url := c.Settlement + "/v1/payments/" + paymentID
	var p Payment
	err := c.poll(ctx, "the workflow to instruct the payment", func() (bool, error) {
		var e *Error
		err := c.call(ctx, settlementOps, "GET", url, nil, &p)
		if errors.As(err, &e) && e.Status == http.StatusNotFound {
			return false, nil
		}
		return err == nil && p.Status != "raised", err
	})
	return p, err
}

// pacs002 is the settlement bank's FIToFIPmtStsRpt: the transaction settled (ACSC).
func pacs002(p Payment) []byte { return statusReport(p, "ACSC", "") }

// statusReport is the settlement bank's FIToFIPmtStsRpt on the payment's current attempt: its
// status (ACSC settled, RJCT rejected) and, for a rejection, the reason code
// (ExternalStatusReason1Code).
func statusReport(p Payment, status, reason string) []byte {
	var uetr, msgID strings.Builder
	_ = xml.EscapeText(&uetr, []byte(p.UETR))
	_ = xml.EscapeText(&msgID, []byte(p.MsgID))
	rsn := ""
	if reason != "" {
		rsn = "<StsRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn></StsRsnInf>"
	}
	return fmt.Appendf(nil, `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt>`+
		`<GrpHdr><MsgId>STS%d</MsgId><CreDtTm>%s</CreDtTm></GrpHdr>`+
		`<OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pacs.009.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>`+
		`<TxInfAndSts><OrgnlUETR>%s</OrgnlUETR><TxSts>%s</TxSts>%s</TxInfAndSts></FIToFIPmtStsRpt></Document>`,
		time.Now().UnixNano(), time.Now().UTC().Format(time.RFC3339), msgID.String(), uetr.String(), status, rsn)
}

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
	r.PaymentID = r.TradeID + ":" + r.LCID + ":P-1"
	return c.settlePayment(ctx, r.PaymentID)
}

// settlePayment waits for the workflow to have the payment instructed, then reports it settled.
func (c *Client) settlePayment(ctx context.Context, id string) error {
	url := c.Settlement + "/v1/payments/" + id
	var p Payment
	err := c.poll(ctx, "the workflow to instruct the payment", func() (bool, error) {
		var e *Error
		err := c.call(ctx, settlementOps, "GET", url, nil, &p)
		if errors.As(err, &e) && e.Status == http.StatusNotFound {
			return false, nil
		}
		return err == nil && p.Status != "raised", err
	})
	if err != nil {
		return err
	}
	return c.call(ctx, settlementOps, "POST", url+"/status-reports", pacs002(p), nil)
}

// pacs002 is the settlement bank's FIToFIPmtStsRpt: the transaction settled (ACSC).
func pacs002(p Payment) []byte {
	var uetr, msgID strings.Builder
	_ = xml.EscapeText(&uetr, []byte(p.UETR))
	_ = xml.EscapeText(&msgID, []byte(p.MsgID))
	return fmt.Appendf(nil, `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt>`+
		`<GrpHdr><MsgId>STS%d</MsgId><CreDtTm>%s</CreDtTm></GrpHdr>`+
		`<OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pacs.009.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>`+
		`<TxInfAndSts><OrgnlUETR>%s</OrgnlUETR><TxSts>ACSC</TxSts></TxInfAndSts></FIToFIPmtStsRpt></Document>`,
		time.Now().UnixNano(), time.Now().UTC().Format(time.RFC3339), msgID.String(), uetr.String())
}

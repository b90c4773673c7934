package scenario

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// A credit issued outside the platform: the issuing bank sent its MT700 by SWIFT, the advising
// bank hands it to tradefin (POST /v1/swift/messages), which registers it for advice; the trade
// then runs as any other. Its credit's ID, and its trade's, is the issuing bank's BIC and the
// MT700's number (services/lc's domain.ReceivedCreditID).

// fin is FIN text, as the swift messages API takes it.
type fin string

// NewReceivedWalk starts walking tr as a credit its advising bank received (no call is made yet).
func NewReceivedWalk(tr Trade) *Walk {
	w := NewWalk(tr)
	w.TradeID = issuingBank.org + "." + receivedNumber(tr.ID)
	w.LCID, w.ExportID, w.ImportID = w.TradeID, "EXP-"+shortHash(w.TradeID), "IMP-"+shortHash(w.TradeID)
	return w
}

func receivedNumber(id string) string { return "ILC" + shortHash(id) }

// Receive: the advising bank hands in the MT700 it received from the issuing bank, naming the
// organisations it knows the parties of 50 and 59 as; the credit is registered, ISSUED
// (lc.received.v1).
func (c *Client) Receive(ctx context.Context, w *Walk, tradeID string) error {
	url := fmt.Sprintf("%s/v1/swift/messages?applicant=%s&beneficiary=%s", c.LC, importer.org, exporter.org)
	var answer struct {
		Registered struct{ LetterOfCredit string } `json:"registered"`
	}
	if err := c.call(ctx, advisingBank, "POST", url, mt700(receivedNumber(tradeID), w.amount, w.today), &answer); err != nil {
		return err
	}
	if answer.Registered.LetterOfCredit != w.LCID {
		return fmt.Errorf("the MT700 registered credit %q, want %q", answer.Registered.LetterOfCredit, w.LCID)
	}
	return nil
}

// AdviseAccept: the advising bank advises the credit it registered; the beneficiary accepts.
func (c *Client) AdviseAccept(ctx context.Context, w *Walk) error {
	if err := c.call(ctx, advisingBank, "POST", c.LC+w.credit()+"/advice", map[string]any{"advisedOn": w.day(0)}, nil); err != nil {
		return err
	}
	return c.call(ctx, exporter, "POST", c.LC+w.credit()+"/acceptance", map[string]any{"acceptedOn": w.day(0)}, nil)
}

// mt700 is the issuing bank's MT700 of the scenario's credit (terms), as SWIFT delivers it to
// the advising bank: output form, block 4's lines ending with CRLF.
func mt700(number string, amount money.Money, today time.Time) fin {
	d := func(days int) string { return today.AddDate(0, 0, days).Format("060102") }
	major := amount.Minor / 100
	lines := []string{
		fmt.Sprintf("{1:F01%sAXXX0000000000}{2:O700%s%sAXXX00000000000000000000N}{4:", advisingBank.org, "1000"+d(0), issuingBank.org),
		":27:1/1", ":40A:IRREVOCABLE", ":20:" + number, ":31C:" + d(0), ":40E:UCP LATEST VERSION", ":31D:" + d(45) + "LISBON",
		":50:" + strings.ToUpper(importer.name), ":59:" + strings.ToUpper(exporter.name),
		fmt.Sprintf(":32B:%s%d,%02d", amount.Currency, major, amount.Minor%100),
		":41A:" + advisingBank.org, "BY PAYMENT", ":43P:NOT ALLOWED", ":43T:NOT ALLOWED", ":44E:PTLIS", ":44F:SEGOT", ":44C:" + d(30),
		":45A:CERAMIC FLOOR TILES", ":46A:+COMMERCIAL INVOICE", "+BILL OF LADING", "+PACKING LIST", "+CERTIFICATE OF ORIGIN", ":49:WITHOUT", "-}",
	}
	return fin(strings.Join(lines, "\r\n"))
}

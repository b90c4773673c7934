package scenario

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/money"
)

// secondExporter is the second beneficiary of a transferred credit: the tiles' maker, whom the
// first beneficiary buys them from (services/signin/directory/dev.yaml).
var secondExporter = party{"beatriz", "5493004CERAMNORTE081", "Ceramicas do Norte SA"}

// SecondAmount is what the second beneficiary's transferred credit is for: the first
// beneficiary's price to the applicant less its margin (UCP 600 Art. 38(g)).
var SecondAmount = money.New(70_000_00, money.MustCurrency("EUR"))

// ApplyTransferable: the importer applies for a transferable credit (MT700 40A IRREVOCABLE
// TRANSFERABLE, UCP 600 Art. 38(b)).
func (c *Client) ApplyTransferable(ctx context.Context, w *Walk) error {
	t := terms(w.TradeID, w.amount, w.day)
	t["form"] = "IRREVOCABLE TRANSFERABLE"
	return c.call(ctx, importer, "POST", c.LC+"/v1/letters-of-credit", map[string]any{"id": w.LCID, "tradeId": w.TradeID, "terms": t}, nil)
}

// Transfer: the first beneficiary asks the advising bank, the transferring bank, to transfer the
// credit to the second beneficiary for less, expiring and shipping earlier, with a shorter
// presentation period (Art. 38(g)); the bank transfers it (MT720, lc.transferred.v1).
func (c *Client) Transfer(ctx context.Context, w *Walk) error {
	req := map[string]any{"secondBeneficiary": map[string]any{"id": secondExporter.org, "name": secondExporter.name, "address": "Avenida da Boavista 100, Porto"},
		"secondBeneficiaryAccount": "PT50003300004531234567891", "amount": SecondAmount, "expiryDate": w.day(40), "latestShipment": w.day(25),
		"presentationPeriodDays": 14, "amendmentsToSecondBeneficiary": true}
	if err := c.call(ctx, exporter, "POST", c.LC+w.credit()+"/transfer-request", req, nil); err != nil {
		return err
	}
	return c.call(ctx, advisingBank, "POST", c.LC+w.credit()+"/transfer", map[string]any{"transferredOn": w.day(0)}, nil)
}

// PresentTransferred: the second beneficiary presents its documents (P-1) under the transferred
// credit, its invoice for its amount; the transferring bank finds them complying with the
// transferred terms.
func (c *Client) PresentTransferred(ctx context.Context, w *Walk) error {
	p := presentation(SecondAmount, w.day, false)
	inv := p["documents"].([]map[string]any)[0]
	inv["issuer"] = secondExporter.name
	var ex struct {
		Compliant     bool  `json:"compliant"`
		Discrepancies []any `json:"discrepancies"`
	}
	err := c.call(ctx, secondExporter, "POST", c.LC+w.credit()+"/transferred-credit/presentations", map[string]any{"presentationId": "P-1", "presentation": p}, &ex)
	if err == nil && !ex.Compliant {
		err = fmt.Errorf("the transferring bank found the second beneficiary's documents discrepant: %v", ex.Discrepancies)
	}
	return err
}

// SubstituteInvoice: the first beneficiary substitutes its invoice, for the credit's amount, for
// the second beneficiary's (Art. 38(h)); the issuing bank examines the documents under the
// credit and its examiner honours them.
func (c *Client) SubstituteInvoice(ctx context.Context, w *Walk) error {
	inv := presentation(w.amount, w.day, false)["documents"].([]map[string]any)[0]
	var ex struct {
		Compliant     bool  `json:"compliant"`
		Discrepancies []any `json:"discrepancies"`
	}
	err := c.call(ctx, exporter, "POST", c.LC+w.credit()+"/transferred-credit/presentations/P-1/substitution", map[string]any{"invoice": inv}, &ex)
	if err == nil && !ex.Compliant {
		err = fmt.Errorf("the issuing bank's automatic examination found the substituted documents discrepant: %v", ex.Discrepancies)
	}
	if err != nil {
		return err
	}
	return c.examine(ctx, w.credit(), true) // the issuing bank's examiner honours
}

// SecondBeneficiary is the dev user of the second beneficiary, for reads as it.
func SecondBeneficiary() string { return secondExporter.user }

package scenario

import (
	"context"

	"github.com/tradefin/tradefin/events/money"
)

// Duty is the part of the import declaration's view the scenario reads.
type Duty struct {
	Duty money.Money `json:"duty"`
}

// importGoods lodges the import declaration, has customs assess the duty from its tariff, pays
// exactly that and has customs release the goods.
func (c *Client) importGoods(ctx context.Context, r *Result, value money.Money) error {
	docs := []string{r.Documents["commercial_invoice"], r.Documents["packing_list"], r.Documents["certificate_of_origin"]}
	if err := c.call(ctx, importer, "POST", c.Customs+"/v1/declarations", declaration(r.ImportID, r.TradeID, "import", importer.org, value, docs), nil); err != nil {
		return err
	}
	decl := c.Customs + "/v1/declarations/" + r.ImportID
	var d Duty
	if err := c.call(ctx, importCustoms, "POST", decl+"/duty-assessment", map[string]any{}, &d); err != nil {
		return err
	}
	if err := c.call(ctx, importer, "POST", decl+"/duty-payment", map[string]any{"amount": d.Duty, "reference": "SE-TAX-" + r.TradeID}, nil); err != nil {
		return err
	}
	return c.call(ctx, importCustoms, "POST", decl+"/release", map[string]any{}, nil)
}

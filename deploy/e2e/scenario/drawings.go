package scenario

import (
	"context"
	"fmt"
	"time"

	"go.opentelemetry.io/otel/trace"

	"github.com/tradefin/tradefin/events/money"
)

// Drawings are the presentations of a credit drawn twice: two shipments of 600 cartons, each
// with its own bill of lading, each presented, honoured and paid on its own (UCP 600 Art. 31).
var Drawings = []string{"P-1", "P-2"}

// RunDrawings walks a trade whose credit allows partial shipments (MT700 43P ALLOWED) and is
// drawn by two presentations of EUR 42,000.00 each, the second drawing it in full; each is
// paid, the goods are imported, and the workflow closes the trade.
func (c *Client) RunDrawings(ctx context.Context, tr Trade) (Result, error) {
	tradeID, today := tr.ID, tr.Today
	r := Result{TradeID: tradeID, LCID: "LC-" + tradeID, ExportID: "EXP-" + tradeID, ImportID: "IMP-" + tradeID,
		Documents: map[string]string{}, Traces: map[string]trace.TraceID{}}
	d := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	amount := money.New(84_000_00, money.MustCurrency("EUR"))
	half := money.New(amount.Minor/2, amount.Currency)
	lc := c.LC + "/v1/letters-of-credit/" + r.LCID
	partial := terms(tradeID, amount, d)
	partial["partialShipments"] = "ALLOWED"
	if tr.Availability != nil {
		partial["availability"] = tr.Availability
	}
	ship := func(n int, onBoard string) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			sum, err := c.registerDocument(ctx, carrier, tradeID, "bill_of_lading", onBoard)
			if err != nil {
				return err
			}
			return c.call(ctx, carrier, "POST", c.Customs+"/v1/shipments", map[string]any{"id": fmt.Sprintf("SHP-%s-%d", tradeID, n), "tradeId": tradeID,
				"blNumber": fmt.Sprintf("MAEU%s%d", shortHash(tradeID), n), "onBoardDate": onBoard, "vessel": "MAERSK LISBOA", "voyage": fmt.Sprintf("24%dN", n),
				"portOfLoading": "PTLIS", "portOfDischarge": "SEGOT", "documentSha256": sum, "shipper": exporter.org, "consignee": importer.org}, nil)
		}
	}
	present := func(id, onBoard string) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			p := presentation(half, d, false)
			for _, doc := range p["documents"].([]map[string]any) {
				switch doc["kind"] {
				case "commercial_invoice", "packing_list":
					doc["quantity"] = 600
				case "bill_of_lading":
					doc["issueDate"], doc["onBoardDate"] = onBoard, onBoard
				}
			}
			var ex struct {
				Compliant bool `json:"compliant"`
			}
			err := c.call(ctx, exporter, "POST", lc+"/presentations", map[string]any{"presentationId": id, "presentation": p}, &ex)
			if err == nil && !ex.Compliant {
				err = fmt.Errorf("drawing %s: the examination found the presentation discrepant", id)
			}
			if err != nil {
				return err
			}
			// The issuing bank's examiner honours it as the automatic examination found it.
			return c.call(ctx, issuingBank, "POST", lc+"/presentations/"+id+"/decision", map[string]any{"decision": "HONOUR"}, nil)
		}
	}
	steps := []struct {
		name string
		run  func(ctx context.Context) error
	}{
		{"1. importer applies for a credit allowing partial shipments", func(ctx context.Context) error {
			return c.call(ctx, importer, "POST", c.LC+"/v1/letters-of-credit", map[string]any{"id": r.LCID, "tradeId": tradeID, "terms": partial}, nil)
		}},
		{"2a. issuing bank issues it (MT700)", func(ctx context.Context) error {
			return c.call(ctx, issuingBank, "POST", lc+"/issue", map[string]any{"issueDate": d(0)}, nil)
		}},
		{"2b. advising bank advises it", func(ctx context.Context) error {
			return c.call(ctx, advisingBank, "POST", lc+"/advice", map[string]any{"advisedOn": d(0)}, nil)
		}},
		{"2c. beneficiary accepts it", func(ctx context.Context) error {
			return c.call(ctx, exporter, "POST", lc+"/acceptance", map[string]any{"acceptedOn": d(0)}, nil)
		}},
		{"3. exporter lodges the export declaration of both shipments; export customs clears it", func(ctx context.Context) error {
			if err := c.declareExport(ctx, &r, amount, d(0)); err != nil {
				return err
			}
			return c.call(ctx, exportCustoms, "POST", c.Customs+"/v1/declarations/"+r.ExportID+"/clearance", map[string]any{}, nil)
		}},
		{"4. carrier issues the first shipment's bill of lading", ship(1, d(-1))},
		{"5. beneficiary presents the first drawing (600 cartons, EUR 42,000.00); honoured", present(Drawings[0], d(-1))},
		{"6. the workflow has settlement pay the first drawing; the settlement bank reports it settled", func(ctx context.Context) error {
			return c.settlePayment(ctx, r.TradeID+":"+r.LCID+":"+Drawings[0])
		}},
		{"7. carrier issues the second shipment's bill of lading", ship(2, d(0))},
		{"8. beneficiary presents the second drawing; honoured, the credit fully drawn", present(Drawings[1], d(0))},
		{"9. the workflow has settlement pay the second drawing; reported settled", func(ctx context.Context) error {
			return c.settlePayment(ctx, r.TradeID+":"+r.LCID+":"+Drawings[1])
		}},
		{"10. importer imports both shipments; customs releases the goods", func(ctx context.Context) error {
			return c.importGoods(ctx, &r, amount)
		}},
	}
	if tr.Availability != nil { // a usance drawing is paid at its maturity: both honoured first
		steps = usanceDrawingOrder(steps)
	}
	for _, s := range steps {
		if _, err := c.step(ctx, s.name, s.run); err != nil {
			return r, err
		}
	}
	return r, c.awaitClosed(ctx, &r, "11. the trade view shows the closed trade")
}

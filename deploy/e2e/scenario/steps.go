package scenario

import (
	"context"
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Walk is a trade walked one step at a time by its parties: the soak composes its paths (the
// complying one, a refusal waived or not, and the paths still to come) from these steps, each a
// method, so a new path is a new list of them and a new step one more method.
type Walk struct {
	Result
	today  time.Time
	amount money.Money
}

// NewWalk starts walking tr (no call is made yet).
func NewWalk(tr Trade) *Walk {
	id := tr.ID
	return &Walk{Result: Result{TradeID: id, LCID: "LC-" + id, ExportID: "EXP-" + id, ImportID: "IMP-" + id, Documents: map[string]string{}},
		today: tr.Today, amount: money.New(84_000_00, money.MustCurrency("EUR"))}
}

func (w *Walk) day(days int) string { return w.today.AddDate(0, 0, days).Format(time.DateOnly) }

func (w *Walk) credit() string { return "/v1/letters-of-credit/" + w.LCID }

// Apply: the importer applies for the credit (lc.applied.v1).
func (c *Client) Apply(ctx context.Context, w *Walk) error {
	return c.call(ctx, importer, "POST", c.LC+"/v1/letters-of-credit", map[string]any{"id": w.LCID, "tradeId": w.TradeID, "terms": terms(w.TradeID, w.amount, w.day)}, nil)
}

// IssueAdviseAccept: the issuing bank issues, the advising bank advises, the beneficiary accepts.
func (c *Client) IssueAdviseAccept(ctx context.Context, w *Walk) error {
	for _, s := range []struct {
		by   party
		path string
		body map[string]any
	}{{issuingBank, "/issue", map[string]any{"issueDate": w.day(0)}}, {advisingBank, "/advice", map[string]any{"advisedOn": w.day(0)}},
		{exporter, "/acceptance", map[string]any{"acceptedOn": w.day(0)}}} {
		if err := c.call(ctx, s.by, "POST", c.LC+w.credit()+s.path, s.body, nil); err != nil {
			return err
		}
	}
	return nil
}

// ClearExport: the exporter registers its documents and lodges the export declaration; export
// customs clears it.
func (c *Client) ClearExport(ctx context.Context, w *Walk) error {
	var docs []string
	for _, kind := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		sum, err := c.registerDocument(ctx, exporter, w.TradeID, kind, w.day(0))
		if err != nil {
			return err
		}
		docs, w.Documents[kind] = append(docs, sum), sum
	}
	if err := c.call(ctx, exporter, "POST", c.Customs+"/v1/declarations", declaration(w.ExportID, w.TradeID, "export", exporter.org, w.amount, docs), nil); err != nil {
		return err
	}
	return c.call(ctx, exportCustoms, "POST", c.Customs+"/v1/declarations/"+w.ExportID+"/clearance", map[string]any{}, nil)
}

// Ship: the carrier issues the bill of lading (customs.bill_of_lading_issued.v1).
func (c *Client) Ship(ctx context.Context, w *Walk) error {
	sum, err := c.registerDocument(ctx, carrier, w.TradeID, "bill_of_lading", w.day(0))
	if err != nil {
		return err
	}
	w.Documents["bill_of_lading"] = sum
	return c.call(ctx, carrier, "POST", c.Customs+"/v1/shipments", map[string]any{"id": "SHP-" + w.TradeID, "tradeId": w.TradeID,
		"blNumber": "MAEU" + shortHash(w.TradeID), "onBoardDate": w.day(0), "vessel": "MAERSK LISBOA", "voyage": "245N",
		"portOfLoading": "PTLIS", "portOfDischarge": "SEGOT", "documentSha256": sum, "shipper": exporter.org, "consignee": importer.org}, nil)
}

// Present: the beneficiary presents (P-1); discrepant, the bill of lading lacks its on-board
// notation and the examination refuses it (MT734), else it is honoured at once.
func (c *Client) Present(ctx context.Context, w *Walk, discrepant bool) error {
	var ex struct {
		Compliant bool `json:"compliant"`
	}
	err := c.call(ctx, exporter, "POST", c.LC+w.credit()+"/presentations", map[string]any{"presentationId": "P-1", "presentation": presentation(w.amount, w.day, discrepant)}, &ex)
	if err == nil && ex.Compliant == discrepant {
		err = fmt.Errorf("the examination found the presentation compliant=%v", ex.Compliant)
	}
	if err != nil {
		return err
	}
	return c.examine(ctx, w.credit(), ex.Compliant)
}

// Waive: the applicant waives the refused presentation's discrepancies (UCP 600 Art. 16(b)) and
// the issuing bank decides: accepted honours (MT752), rejected waives nothing.
func (c *Client) Waive(ctx context.Context, w *Walk, accepted bool) error {
	p := c.LC + w.credit() + "/presentations/P-1/waiver"
	if err := c.call(ctx, importer, "POST", p, map[string]any{"date": w.day(0)}, nil); err != nil {
		return err
	}
	return c.call(ctx, issuingBank, "POST", p+"/decision", map[string]any{"accepted": accepted, "date": w.day(0)}, nil)
}

// Settle: once the workflow has settlement instruct the payment, the settlement bank reports it
// settled (pacs.002 ACSC).
func (c *Client) Settle(ctx context.Context, w *Walk) error { return c.settle(ctx, &w.Result) }

// ReleaseImport: the import declaration, its duty assessed and paid, the goods released.
func (c *Client) ReleaseImport(ctx context.Context, w *Walk) error {
	return c.importGoods(ctx, &w.Result, w.amount)
}

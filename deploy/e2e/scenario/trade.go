package scenario

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"go.opentelemetry.io/otel/trace"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// Result is what walking a trade produced.
type Result struct {
	TradeID   string
	LCID      string
	PaymentID string
	ExportID  string            // export declaration
	ImportID  string            // import declaration
	Documents map[string]string // kind → SHA-256 of the document registered with customs
	// ReimbursementID is a confirmed credit's reimbursement payment (confirmed.go).
	ReimbursementID string
	// Traces maps each step's integration event type to the trace ID of the request behind it.
	Traces   map[string]trace.TraceID
	Timeline tradeview.Timeline
}

// Trade says which trade to walk.
type Trade struct {
	ID    string
	Today time.Time // anchors the credit's dates
	// Discrepant presents a bill of lading without an on-board notation first (UCP 600 Art.
	// 20(a)(ii)): the issuing bank refuses, the applicant waives, the bank honours.
	Discrepant bool
	// Confirmed: the credit asks for confirmation (MT700 49 CONFIRM); the advising bank confirms,
	// honours, claims reimbursement, and the issuing bank's reimbursement settles (confirmed.go).
	Confirmed bool
	// ReimbursementRejected: the settlement bank first rejects a confirmed credit's
	// reimbursement with this reason (pacs.002 RJCT); the workflow instructs it again and it
	// settles (reimbursement_rejected.go).
	ReimbursementRejected string
	// Availability is the credit's MT700 41a/42C/42P (RunDrawings: a usance credit whose drawings
	// are both honoured before either is paid, at its maturity); nil, at sight.
	Availability map[string]any
}

// Run walks the trade through a documentary credit and waits until its workflow has closed it.
func (c *Client) Run(ctx context.Context, tr Trade) (Result, error) {
	tradeID, today := tr.ID, tr.Today
	r := Result{TradeID: tradeID, LCID: "LC-" + tradeID, ExportID: "EXP-" + tradeID, ImportID: "IMP-" + tradeID,
		Documents: map[string]string{}, Traces: map[string]trace.TraceID{}}
	d := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	amount := money.New(84_000_00, money.MustCurrency("EUR"))
	lc := c.LC + "/v1/letters-of-credit/" + r.LCID
	steps := []struct {
		event, name string
		run         func(ctx context.Context) error
	}{
		{"lc.applied.v1", "1. importer applies for the credit", func(ctx context.Context) error {
			return c.call(ctx, importer, "POST", c.LC+"/v1/letters-of-credit", map[string]any{"id": r.LCID, "tradeId": tradeID, "terms": confirmable(tr, terms(tradeID, amount, d))}, nil)
		}},
		{"lc.issued.v1", "2a. issuing bank issues it (MT700)", func(ctx context.Context) error {
			return c.call(ctx, issuingBank, "POST", lc+"/issue", map[string]any{"issueDate": d(0)}, nil)
		}},
		{"lc.advised.v1", "2b. advising bank advises it", func(ctx context.Context) error {
			return c.call(ctx, advisingBank, "POST", lc+"/advice", map[string]any{"advisedOn": d(0)}, nil)
		}},
		{"lc.accepted.v1", "2c. beneficiary accepts it", func(ctx context.Context) error {
			return c.call(ctx, exporter, "POST", lc+"/acceptance", map[string]any{"acceptedOn": d(0)}, nil)
		}},
		{"lc.confirmed.v1", "2d. the advising bank adds its confirmation (UCP 600 Art. 8(b))", func(ctx context.Context) error {
			return c.confirm(ctx, lc, d(0))
		}},
		{"customs.export_declared.v1", "3a. exporter registers the documents and lodges the export declaration", func(ctx context.Context) error {
			return c.declareExport(ctx, &r, amount, d(0))
		}},
		{"customs.export_cleared.v1", "3b. export customs clears it", func(ctx context.Context) error {
			return c.call(ctx, exportCustoms, "POST", c.Customs+"/v1/declarations/"+r.ExportID+"/clearance", map[string]any{}, nil)
		}},
		{"customs.bill_of_lading_issued.v1", "4a. carrier issues the bill of lading", func(ctx context.Context) error {
			sum, err := c.registerDocument(ctx, carrier, tradeID, "bill_of_lading", d(0))
			if err != nil {
				return err
			}
			r.Documents["bill_of_lading"] = sum
			return c.call(ctx, carrier, "POST", c.Customs+"/v1/shipments", map[string]any{"id": "SHP-" + tradeID, "tradeId": tradeID,
				"blNumber": "MAEU" + shortHash(tradeID), "onBoardDate": d(0), "vessel": "MAERSK LISBOA", "voyage": "245N",
				"portOfLoading": "PTLIS", "portOfDischarge": "SEGOT", "documentSha256": sum, "shipper": exporter.org, "consignee": importer.org}, nil)
		}},
		{"customs.transport_event.v1", "4b. carrier reports loaded, departed, arrived, discharged (DCSA)", func(ctx context.Context) error {
			at := today.Add(8 * time.Hour)
			for i, ev := range []struct{ code, loc string }{{"LOAD", "PTLIS"}, {"DEPA", "PTLIS"}, {"ARRI", "SEGOT"}, {"DISC", "SEGOT"}} {
				body := map[string]any{"eventCode": ev.code, "classifier": "ACT", "location": ev.loc, "eventTime": at.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)}
				if err := c.call(ctx, carrier, "POST", c.Customs+"/v1/shipments/SHP-"+tradeID+"/events", body, nil); err != nil {
					return err
				}
			}
			return nil
		}},
		{"lc.documents_presented.v1", "5. beneficiary presents the documents; the issuing bank examines them", func(ctx context.Context) error {
			var ex struct {
				Compliant bool `json:"compliant"`
			}
			err := c.call(ctx, exporter, "POST", lc+"/presentations", map[string]any{"presentationId": "P-1", "presentation": presentedTo(tr, presentation(amount, d, tr.Discrepant))}, &ex)
			if err == nil && ex.Compliant == tr.Discrepant {
				err = fmt.Errorf("the examination found the presentation compliant=%v", ex.Compliant)
			}
			if err != nil {
				return err
			}
			return c.examineAs(ctx, examiner(tr), "/v1/letters-of-credit/"+r.LCID, ex.Compliant)
		}},
		{"lc.discrepancies_waived.v1", "5b. the applicant waives the discrepancy; the issuing bank accepts and honours (MT752)", func(ctx context.Context) error {
			if !tr.Discrepant {
				return nil
			}
			if err := c.call(ctx, importer, "POST", lc+"/presentations/P-1/waiver", map[string]any{"date": d(0)}, nil); err != nil {
				return err
			}
			return c.call(ctx, issuingBank, "POST", lc+"/presentations/P-1/waiver/decision", map[string]any{"accepted": true, "date": d(0)}, nil)
		}},
		{"settlement.payment_settled.v1", "6. the workflow has settlement pay the advising bank (pacs.009, FX); the settlement bank reports it settled (pacs.002)", func(ctx context.Context) error {
			return c.settle(ctx, &r)
		}},
		{"lc.reimbursement_claimed.v1", "6b. the confirming bank claims reimbursement; the workflow has the issuing bank's reimbursement instructed; it settles", func(ctx context.Context) error {
			return c.reimburse(ctx, &r, tr, lc, d(0))
		}},
		{"customs.import_released.v1", "7. importer files the import declaration; customs assesses duty, it is paid, goods released", func(ctx context.Context) error {
			return c.importGoods(ctx, &r, amount)
		}},
	}
	for _, s := range steps {
		if s.event == "lc.discrepancies_waived.v1" && !tr.Discrepant || confirmedOnly(s.event) && !tr.Confirmed {
			continue
		}
		id, err := c.step(ctx, s.name, s.run)
		if err != nil {
			return r, err
		}
		r.Traces[s.event] = id
	}
	// One request made two events: a complying presentation is honoured at once; a discrepant
	// one is refused at once, and the accepted waiver honours it.
	if tr.Discrepant {
		r.Traces["lc.documents_refused.v1"] = r.Traces["lc.documents_presented.v1"]
		r.Traces["lc.honoured.v1"] = r.Traces["lc.discrepancies_waived.v1"]
	} else {
		r.Traces["lc.honoured.v1"] = r.Traces["lc.documents_presented.v1"]
	}
	if tr.Confirmed { // the claim's step also reports the reimbursement settled
		r.Traces["settlement.reimbursement_settled.v1"] = r.Traces["lc.reimbursement_claimed.v1"]
	}
	return r, c.awaitClosed(ctx, &r, "8. the trade view shows the closed trade")
}

// awaitClosed waits until the trade's workflow has closed, the timeline in r.
func (c *Client) awaitClosed(ctx context.Context, r *Result, step string) error {
	c.progress("waiting for the trade workflow to close the trade")
	c.current = step
	var err error
	r.Timeline, err = c.AwaitClosed(ctx, r.TradeID)
	return err
}

// declareExport registers the exporter's documents with customs (their SHA-256 in r) and lodges
// the export declaration of the goods, of value, citing them.
func (c *Client) declareExport(ctx context.Context, r *Result, value money.Money, date string) error {
	var docs []string
	for _, kind := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		sum, err := c.registerDocument(ctx, exporter, r.TradeID, kind, date)
		if err != nil {
			return err
		}
		docs, r.Documents[kind] = append(docs, sum), sum
	}
	return c.call(ctx, exporter, "POST", c.Customs+"/v1/declarations", declaration(r.ExportID, r.TradeID, "export", exporter.org, value, docs), nil)
}

// Timeline reads the trade's timeline from the trade view.
func (c *Client) Timeline(ctx context.Context, tradeID string) (tradeview.Timeline, error) {
	var t tradeview.Timeline
	err := c.call(ctx, importer, "GET", c.Trades+"/v1/trades/"+tradeID, nil, &t)
	return t, err
}

// registerDocument registers a document's content with customs and returns its SHA-256, which
// identifies it from then on.
func (c *Client) registerDocument(ctx context.Context, p party, tradeID, kind, date string) (string, error) {
	content := []byte(fmt.Sprintf("%s for trade %s issued by %s on %s", kind, tradeID, p.name, date))
	sum := sha256.Sum256(content)
	var doc struct {
		SHA256 string `json:"sha256"`
	}
	err := c.call(ctx, p, "POST", c.Customs+"/v1/documents", map[string]any{"tradeId": tradeID, "kind": kind, "issuer": p.name,
		"issueDate": date, "content": content}, &doc)
	if err == nil && doc.SHA256 != hex.EncodeToString(sum[:]) {
		err = fmt.Errorf("customs registered %s as %s; its SHA-256 is %x", kind, doc.SHA256, sum)
	}
	return doc.SHA256, err
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

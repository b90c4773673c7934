package scenario

import (
	"context"
	"fmt"
)

// AmendNarrative walks a narrative amendment (MT707) through its parties: the applicant requests
// it — goods (45B) /ADD/ a line the invoice states, the certificate of origin deleted from the
// documents required (46B /DELETE/), an additional condition (47B /ADD/) — the issuing bank
// issues it (lc.amendment_issued.v1), the advising bank advises it (UCP 600 Art. 9(d)) and the
// beneficiary accepts it whole (Art. 10(c); lc.amended.v1).
func (c *Client) AmendNarrative(ctx context.Context, w *Walk) error {
	lc := c.LC + w.credit()
	req := map[string]any{"date": w.day(0),
		"goods":      []any{map[string]any{"code": "ADD", "text": "grade A"}},
		"documents":  []any{map[string]any{"code": "DELETE", "document": "certificate_of_origin"}},
		"conditions": []any{map[string]any{"code": "ADD", "text": "ALL DOCUMENTS MUST BE ISSUED IN ENGLISH"}}}
	var credit struct {
		Amendments []struct {
			Number int    `json:"number"`
			Status string `json:"status"`
		} `json:"amendments"`
	}
	if err := c.call(ctx, importer, "POST", lc+"/amendment-requests", req, &credit); err != nil {
		return err
	}
	n := len(credit.Amendments)
	if n == 0 || credit.Amendments[n-1].Status != "REQUESTED" {
		return fmt.Errorf("the request is not recorded: %+v", credit.Amendments)
	}
	path := fmt.Sprintf("%s/amendments/%d", lc, credit.Amendments[n-1].Number)
	if err := c.call(ctx, issuingBank, "POST", path+"/issue", map[string]any{"date": w.day(0)}, nil); err != nil {
		return err
	}
	if err := c.call(ctx, advisingBank, "POST", path+"/advice", map[string]any{"advisedOn": w.day(0)}, nil); err != nil {
		return err
	}
	return c.call(ctx, exporter, "POST", path+"/answer", map[string]any{"accepted": true}, nil)
}

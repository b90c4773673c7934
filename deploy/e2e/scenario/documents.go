package scenario

import (
	"context"

	"time"

	"github.com/tradefin/tradefin/events/money"
)

// terms are the credit's terms (MT700): available by payment at sight, expiring 45 days on.
func terms(tradeID string, amount money.Money, d func(int) string) map[string]any {
	return map[string]any{
		"number":             "ILC" + shortHash(tradeID),
		"applicant":          map[string]any{"id": importer.org, "name": importer.name},
		"beneficiary":        map[string]any{"id": exporter.org, "name": exporter.name},
		"issuingBank":        issuingBank.org,
		"advisingBank":       advisingBank.org,
		"amount":             amount,
		"expiryDate":         d(45),
		"expiryPlace":        "Lisbon",
		"latestShipment":     d(30),
		"partialShipments":   "NOT ALLOWED",
		"transhipment":       "NOT ALLOWED",
		"portOfLoading":      "PTLIS",
		"portOfDischarge":    "SEGOT",
		"goods":              map[string]any{"description": "ceramic floor tiles", "quantity": 1200, "unit": "cartons", "countedInUnits": true},
		"documentsRequired":  []string{"commercial_invoice", "bill_of_lading", "packing_list", "certificate_of_origin"},
		"beneficiaryAccount": "PT50000201231234567890154",
		"accountCurrency":    "USD",
	}
}

// presentation is a complying presentation (UCP 600 Art. 14) of the documents the credit asks
// for; discrepant, its bill of lading lacks the on-board notation Art. 20(a)(ii) requires.
func presentation(amount money.Money, d func(int) string, discrepant bool) map[string]any {
	return map[string]any{ // the issuing bank stamps the date and place of receipt
		"documents": []map[string]any{
			{"kind": "commercial_invoice", "issueDate": d(0), "issuer": exporter.name, "madeOutTo": importer.name,
				"amount": amount, "goodsDescription": "Ceramic floor tiles, grade A", "quantity": 1200},
			{"kind": "bill_of_lading", "issueDate": d(0), "onBoardNotation": !discrepant, "onBoardDate": d(0), "portOfLoading": "PTLIS", "portOfDischarge": "SEGOT"},
			{"kind": "packing_list", "issueDate": d(0), "issuer": exporter.name, "goodsDescription": "Ceramic floor tiles", "quantity": 1200},
			{"kind": "certificate_of_origin", "issueDate": d(0), "issuer": "Camara de Comercio e Industria Portuguesa"},
		},
	}
}

// declaration is an export or import declaration of the tiles (HS 6907.21: ceramic tiles,
// water absorption ≤ 0.5 %), lodged with the office of its direction. Customs takes the
// declarant from the caller's token: a declarant given here must be the caller's organisation.
func declaration(id, tradeID, direction, declarant string, value money.Money, documents []string) map[string]any {
	office := map[string]string{"export": exportCustoms.org, "import": importCustoms.org}[direction]
	return map[string]any{
		"id": id, "tradeId": tradeID, "direction": direction, "declarant": declarant, "customsOffice": office,
		"originCountry": "PT", "destinationCountry": "SE",
		"lines":     []map[string]any{{"hsCode": "690721", "description": "glazed ceramic floor tiles", "customsValue": value}},
		"documents": documents, // SHA-256 of each registered document
	}
}

// CreditApplication is the demo importer's application for a credit on trade tradeID, dated from
// today, as POST /v1/letters-of-credit takes it; lcID is the credit's ID.
func CreditApplication(tradeID string, today time.Time) (lcID string, body map[string]any) {
	d := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	lcID = "LC-" + tradeID
	return lcID, map[string]any{"id": lcID, "tradeId": tradeID, "terms": terms(tradeID, money.New(84_000_00, money.MustCurrency("EUR")), d)}
}

// examine is the issuing bank examiner's decision on P-1 as the automatic examination found it:
// honour a complying presentation, else refuse it holding the documents pending the applicant's
// waiver (UCP 600 Art. 16(c)(iii)(b)).
func (c *Client) examine(ctx context.Context, credit string, compliant bool) error {
	return c.examineAs(ctx, issuingBank, credit, compliant)
}

// examineAs is the decision of the examiner of the bank presented to.
func (c *Client) examineAs(ctx context.Context, examiner party, credit string, compliant bool) error {
	decision := map[string]any{"decision": "HONOUR"}
	if !compliant {
		decision = map[string]any{"decision": "REFUSE", "disposal": "NOTIFY"}
	}
	return c.call(ctx, examiner, "POST", c.LC+credit+"/presentations/P-1/decision", decision, nil)
}

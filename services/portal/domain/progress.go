package domain

// NextStep says, after a trade's latest event, what happens next and whose step it is: the
// trade list's "next step" column.
func NextStep(lastEvent string) string {
	if s, ok := nextSteps[lastEvent]; ok {
		return s
	}
	return "—"
}

var nextSteps = map[string]string{
	"lc.applied.v1":                    "the issuing bank issues the credit",
	"lc.issued.v1":                     "the advising bank advises the credit",
	"lc.advised.v1":                    "the exporter accepts the credit",
	"lc.accepted.v1":                   "the exporter registers documents and declares the export",
	"customs.document_registered.v1":   "the exporter declares the export",
	"customs.export_declared.v1":       "export customs clears the goods",
	"customs.export_cleared.v1":        "the carrier issues the bill of lading",
	"customs.bill_of_lading_issued.v1": "the exporter presents the documents",
	"customs.transport_event.v1":       "the exporter presents the documents",
	"lc.documents_presented.v1":        "the issuing bank examines the documents",
	"lc.documents_refused.v1":          "the importer decides on waiving the discrepancies",
	"lc.discrepancies_waived.v1":       "the payment is instructed",
	"lc.honoured.v1":                   "the payment is instructed and settled",
	"settlement.payment_initiated.v1":  "the settlement bank reports the payment settled",
	"settlement.payment_settled.v1":    "the importer declares the import",
	"customs.import_declared.v1":       "import customs assesses the duty",
	"customs.duty_assessed.v1":         "the importer pays the duty",
	"customs.duty_paid.v1":             "import customs releases the goods",
	"customs.import_released.v1":       "the trade closes",
	"lc.expired.v1":                    "none: the credit expired",
	"lc.cancelled.v1":                  "none: the credit was cancelled",
}

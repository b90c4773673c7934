package trade

// milestoneFor maps an integration event to the ledger milestone it makes and the organisation
// that commits it (the chaincode enforces the same entitlements). Events that are not milestones
// (transport events, duty assessments) map to "".
func milestoneFor(eventType string) (milestone, mspID string) {
	switch eventType {
	case "lc.applied.v1":
		return "LC_APPLIED", "ImporterBankMSP"
	case "lc.issued.v1":
		return "LC_ISSUED", "ImporterBankMSP"
	case "lc.advised.v1":
		return "LC_ADVISED", "ExporterBankMSP"
	case "lc.accepted.v1":
		return "LC_ACCEPTED", "ExporterBankMSP"
	case "customs.export_cleared.v1":
		return "EXPORT_CLEARED", "CustomsMSP"
	case "customs.bill_of_lading_issued.v1":
		return "SHIPPED", "CustomsMSP"
	case "lc.documents_presented.v1":
		return "DOCUMENTS_PRESENTED", "ExporterBankMSP"
	case "lc.documents_refused.v1":
		return "DOCUMENTS_REFUSED", "ImporterBankMSP"
	case "lc.discrepancies_waived.v1":
		return "DISCREPANCY_WAIVED", "ImporterBankMSP"
	case "lc.honoured.v1":
		return "HONOURED", "ImporterBankMSP"
	case "settlement.payment_settled.v1":
		return "SETTLED", "ImporterBankMSP"
	case "customs.import_released.v1":
		return "IMPORT_RELEASED", "CustomsMSP"
	}
	return "", ""
}

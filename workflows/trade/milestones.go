package trade

import "github.com/tradefin/tradefin/chaincode/milestone"

// milestoneFor maps an integration event to the ledger milestone it makes ("" for events that
// are not milestones: transport events, declarations lodged, duty assessments).
func milestoneFor(eventType string) milestone.Type {
	switch eventType {
	case "lc.applied.v1":
		return milestone.LCApplied
	case "lc.issued.v1":
		return milestone.LCIssued
	case "lc.advised.v1":
		return milestone.LCAdvised
	case "lc.accepted.v1":
		return milestone.LCAccepted
	case "customs.export_cleared.v1":
		return milestone.ExportCleared
	case "customs.bill_of_lading_issued.v1":
		return milestone.Shipped
	case "lc.documents_presented.v1":
		return milestone.DocumentsPresented
	case "lc.documents_refused.v1":
		return milestone.DocumentsRefused
	case "lc.discrepancies_waived.v1":
		return milestone.DiscrepancyWaived
	case "lc.honoured.v1":
		return milestone.Honoured
	case "settlement.payment_settled.v1":
		return milestone.Settled
	case "customs.import_released.v1":
		return milestone.ImportReleased
	case "lc.expired.v1":
		return milestone.Expired
	case "lc.cancelled.v1":
		return milestone.Cancelled
	}
	return ""
}

// nextReady finds the first pending milestone the chaincode would accept after last: services
// publish on separate topics, so a customs clearance may arrive before the credit's acceptance
// even though the ledger wants them the other way round.
func nextReady(pending []Milestone, last string) (int, bool) {
	for i, m := range pending {
		if milestone.Check(milestone.Type(m.Name), milestone.Type(last), m.MSPID) == nil {
			return i, true
		}
	}
	return 0, false
}

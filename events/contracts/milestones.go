package contracts

import "slices"

// milestones says which ledger milestone each integration event stands for: the one table both
// the trade workflow (which milestone to commit when an event arrives) and the ledger agents
// (which events justify signing a milestone) read. The names are chaincode/milestone's Type
// values; the chaincode's own rules say which organisation commits each and in what order.
// Events not listed (transport events, declarations lodged, duties assessed, payments
// initiated) are not milestones.
var milestones = map[string]string{
	"lc.applied.v1":                    "LC_APPLIED",
	"lc.received.v1":                   "LC_RECEIVED",
	"lc.issued.v1":                     "LC_ISSUED",
	"lc.advised.v1":                    "LC_ADVISED",
	"lc.accepted.v1":                   "LC_ACCEPTED",
	"customs.export_cleared.v1":        "EXPORT_CLEARED",
	"customs.bill_of_lading_issued.v1": "SHIPPED",
	"lc.documents_presented.v1":        "DOCUMENTS_PRESENTED",
	"lc.documents_refused.v1":          "DOCUMENTS_REFUSED",
	"lc.discrepancies_waived.v1":       "DISCREPANCY_WAIVED",
	"lc.honoured.v1":                   "HONOURED",
	"settlement.payment_settled.v1":    "SETTLED",
	"customs.import_released.v1":       "IMPORT_RELEASED",
	"lc.amended.v1":                    "LC_AMENDED",
	"lc.amendment_issued.v1":           "LC_AMENDMENT_ISSUED",
	"lc.transferred.v1":                "LC_TRANSFERRED",
	"lc.expired.v1":                    "EXPIRED",
	"lc.cancelled.v1":                  "CANCELLED",
	"lc.fully_drawn.v1":                "LC_FULLY_DRAWN",
	// A confirmed credit and its reimbursement (confirmation.go).
	"lc.confirmed.v1":                     "LC_CONFIRMED",
	"lc.reimbursement_claimed.v1":         "REIMBURSEMENT_CLAIMED",
	"settlement.reimbursement_settled.v1": "REIMBURSED",
	"lc.undertaking_discounted.v1":        "UNDERTAKING_DISCOUNTED", // discount.go
}

// Milestone is the ledger milestone the event type stands for ("" when it is not a milestone).
func Milestone(eventType string) string { return milestones[eventType] }

// MilestoneEvents lists the event types that stand for the milestone, sorted.
func MilestoneEvents(milestone string) []string {
	var out []string
	for typ, m := range milestones {
		if m == milestone {
			out = append(out, typ)
		}
	}
	slices.Sort(out)
	return out
}

// MilestoneEventTypes lists every event type that stands for a milestone, sorted.
func MilestoneEventTypes() []string {
	out := make([]string, 0, len(milestones))
	for typ := range milestones {
		out = append(out, typ)
	}
	slices.Sort(out)
	return out
}

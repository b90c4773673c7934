package rules

// A credit can reach the platform already issued: its issuing bank issued it outside tradefin
// and sent it by SWIFT (MT700), and the advising bank registered it (services/lc's received
// credits). Its trade opens with LC_RECEIVED, committed by the organisation that performed
// that step — the advising side — and not with LC_APPLIED and LC_ISSUED, which the issuing side
// never took on the platform. On the ledger LC_RECEIVED stands for both: whatever needs the
// application or the issue (LC_ADVISED, EXPORT_CLEARED, DOCUMENTS_PRESENTED, EXPIRED,
// CANCELLED…) may follow it, and neither may be committed after it.

// LCReceived: the advising bank registered a credit its issuing bank issued by MT700 (UCP 600
// Art. 9). The first milestone of such a trade.
const LCReceived Type = "LC_RECEIVED"

// standsFor are the milestones a milestone on the ledger counts as (a list, not a map: the
// trade workflow checks the rules and must not iterate a map, workflowcheck).
var standsFor = []struct {
	milestone Type
	stands    []Type
}{{LCReceived, []Type{LCApplied, LCIssued}}}

// holds reports whether t is on the ledger, or a milestone that stands for it is.
func (s State) holds(t Type) bool {
	if s.Has(t) {
		return true
	}
	for _, x := range standsFor {
		if contains(x.stands, t) && s.Has(x.milestone) {
			return true
		}
	}
	return false
}

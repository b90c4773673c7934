package domain

import (
	"slices"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// Topics are the Kafka topics holding every event that can justify one of org's milestones: the
// events that stand for them, and what the derived ones are checked against (CLOSED: customs'
// release; EXPIRED: the application and the honour). An agent reads these and no others (and
// the broker's ACLs grant it no others).
func Topics(org string) []string {
	var types []string
	for _, typ := range contracts.MilestoneEventTypes() {
		if rules.EntitledOrg(rules.Type(contracts.Milestone(typ))) == org {
			types = append(types, typ)
		}
	}
	if rules.EntitledOrg(rules.Closed) == org {
		types = append(types, released)
	}
	if rules.EntitledOrg(rules.Expired) == org {
		types = append(types, applied, honoured)
	}
	var out []string
	for _, typ := range types {
		if t := contracts.Topic(typ); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// Indexed says whether the agent keeps an event of the type in its index: those that stand for
// a milestone. They are all Justify compares a request with (the derived CLOSED and EXPIRED are
// checked against the release, the application and the honour, milestones too), so the others
// (documents registered, declarations lodged, transport events, payments initiated) would only
// be written, by each agent reading their topic, and never read.
func Indexed(eventType string) bool { return contracts.Milestone(eventType) != "" }

package kafkabroker

import (
	"slices"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// Admin is the devstack's superuser: it bypasses every ACL and is used only by the broker's own
// start to put the ACLs below in place.
const Admin = "admin"

// Topics of the integration events (events/contracts: one per bounded context) and the poison
// queue of messages no handler can take.
const (
	TopicLC         = "tradefin.lc.v1"
	TopicCustoms    = "tradefin.customs.v1"
	TopicSettlement = "tradefin.settlement.v1"
	TopicPoison     = "tradefin.poison"
)

// grant is what one principal may do on one resource.
type grant struct {
	rule     string // the grant in words, e.g. "produces tradefin.lc.v1" (see Rules)
	resource kmsg.ACLResourceType
	name     string
	pattern  kmsg.ACLResourcePatternType
	ops      []kmsg.ACLOperation
}

// A producer writes its own context's topic; a consumer reads the topics it consumes and uses
// consumer groups named after it. Both may create the topics they use (Create): either side may
// start first, and creating an existing topic changes nothing. Describe comes with Read and
// Write (KIP-253 implied operations).
func produces(topic string) grant {
	return grant{"produces " + topic, kmsg.ACLResourceTypeTopic, topic, kmsg.ACLResourcePatternTypeLiteral,
		[]kmsg.ACLOperation{kmsg.ACLOperationWrite, kmsg.ACLOperationCreate}}
}

func consumes(topic string) grant {
	return grant{"consumes " + topic, kmsg.ACLResourceTypeTopic, topic, kmsg.ACLResourcePatternTypeLiteral,
		[]kmsg.ACLOperation{kmsg.ACLOperationRead, kmsg.ACLOperationCreate}}
}

func groups(prefix string) grant {
	return grant{"groups " + prefix, kmsg.ACLResourceTypeGroup, prefix, kmsg.ACLResourcePatternTypePrefixed,
		[]kmsg.ACLOperation{kmsg.ACLOperationRead}}
}

// policy is every principal but Admin: one per process, each allowed only what that process
// does. The ledger agents read their own organisation's producing services' events to check a
// milestone stands for a real event before signing it (issue 9, machine identity); consumer
// groups of a principal start with its name (the worker's bridge keeps its historical
// "trade-bridge." groups, whose committed offsets a rename would lose).
var policy = map[string][]grant{
	// Every service with an outbox writes the poison topic: its forwarder parks there a message
	// that can never be published (events/messaging/outbox). Customs reads lc.applied.v1: the
	// trades' parties; the LC service reads customs' events: the documents registered per trade.
	"lc":         {produces(TopicLC), consumes(TopicCustoms), groups("lc"), produces(TopicPoison)},
	"customs":    {produces(TopicCustoms), consumes(TopicLC), groups("customs"), produces(TopicPoison)},
	"settlement": {produces(TopicSettlement), consumes(TopicLC), groups("settlement"), produces(TopicPoison)},
	"worker": {consumes(TopicLC), consumes(TopicCustoms), consumes(TopicSettlement), groups("trade-bridge."),
		produces(TopicPoison)},
	// ImporterBankMSP commits the issuing bank's milestones (lc), SETTLED (settlement) and CLOSED,
	// which the workflow derives from customs.import_released.v1 (customs).
	"ledger-importerbank": {consumes(TopicLC), consumes(TopicSettlement), consumes(TopicCustoms), groups("ledger-importerbank")},
	// ExporterBankMSP commits LC_ADVISED, LC_ACCEPTED and DOCUMENTS_PRESENTED (lc).
	"ledger-exporterbank": {consumes(TopicLC), groups("ledger-exporterbank")},
	// CustomsMSP commits EXPORT_CLEARED, SHIPPED and IMPORT_RELEASED (customs).
	"ledger-customs": {consumes(TopicCustoms), groups("ledger-customs")},
	// The portal keeps no business data; it may follow the trade events (read only).
	"portal": {consumes(TopicLC), consumes(TopicCustoms), consumes(TopicSettlement), groups("portal")},
	// Tests make topics and groups of their own (random names): everything on topics and groups,
	// creating topics, but no ACL or user administration.
	"tests": {
		{"all topics", kmsg.ACLResourceTypeTopic, "*", kmsg.ACLResourcePatternTypeLiteral, []kmsg.ACLOperation{kmsg.ACLOperationAll}},
		{"all groups", kmsg.ACLResourceTypeGroup, "*", kmsg.ACLResourcePatternTypeLiteral, []kmsg.ACLOperation{kmsg.ACLOperationAll}},
		{"creates topics", kmsg.ACLResourceTypeCluster, "kafka-cluster", kmsg.ACLResourcePatternTypeLiteral,
			[]kmsg.ACLOperation{kmsg.ACLOperationCreate, kmsg.ACLOperationDescribe, kmsg.ACLOperationIdempotentWrite}},
	},
}

// Principals are every principal the broker knows, Admin included, sorted.
func Principals() []string {
	out := []string{Admin}
	for p := range policy {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Rules are principal's grants in words — "produces <topic>" (write, create), "consumes <topic>"
// (read, create), "groups <prefix>" (read consumer groups named so) — for deployments on a real
// Kafka (docker-compose's kafka-init) to mirror and be checked against.
func Rules(principal string) []string {
	var out []string
	for _, g := range policy[principal] {
		out = append(out, g.rule)
	}
	return out
}

// acls are principal's ACL entries (all ALLOW; anything not allowed is denied).
func acls(principal string) []kfake.ACL {
	var out []kfake.ACL
	for _, g := range policy[principal] {
		for _, op := range g.ops {
			out = append(out, kfake.ACL{Principal: "User:" + principal, Resource: g.resource, Name: g.name,
				Pattern: g.pattern, Operation: op, Allow: true, Host: "*"})
		}
	}
	return out
}

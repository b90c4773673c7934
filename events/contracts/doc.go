// Package contracts defines tradefin's integration events: the versioned messages one bounded
// context publishes for the others. A type name is `<context>.<event>.v<version>`; a change that
// is not backward compatible is a new version, published beside the old one until every
// consumer has moved.
//
// The package is pure (no Watermill, no Kafka): services, the workflow and the ledger agents
// share these types without a transport. On the wire (package events/messaging/eventbus) an
// event is a Watermill message whose payload is the event's JSON and whose metadata carries
// CloudEvents-style attributes (ce_id, ce_type, ce_source, ce_time, ce_subject = trade ID,
// ce_specversion) and the W3C traceparent; the trade ID is also the partition key, so one
// trade's events stay ordered.
package contracts

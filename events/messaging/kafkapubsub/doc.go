// Package kafkapubsub is a Watermill Publisher and Subscriber on github.com/segmentio/kafka-go.
//
// Delivery is at least once. The subscriber hands one message at a time per subscription to the
// handler and commits its offset only after Ack; Nack redelivers the same message. Because a
// Kafka commit moves a partition to the highest offset given, messages are never acknowledged
// out of order: the next message is fetched only after the previous one was acked. Commits are
// flushed every CommitInterval (and on Close), so a crash redelivers at most that window of
// already-handled messages — consumers keep an inbox (see events/outbox) to make that harmless.
//
// Messages of one partition key (the trade ID) land in one partition and keep their order.
//
// Every connection authenticates when the config carries SASL credentials (SCRAM-SHA-512 by
// default, or SCRAM-SHA-256): the writer's transport, the readers' dialer and consumer-group
// coordination, and topic creation. Half-set credentials are refused by Validate, so a client
// never falls back to connecting anonymously.
//
// Watermill's universal test suite (pubsub/tests.TestPubSub) runs against a real
// Kafka-protocol broker in pubsub_test.go. Tests it skips, and why:
//   - TestReconnect: it needs a broker it can restart, and its final comparison races with its
//     own publishers' bookkeeping (on a fast broker it reports the last message as "extra").
//     TestReconnectAcrossBrokerRestarts does the same with a broker process restarted twice
//     under 20 publishers, and waits for every publish before comparing.
//   - TestMessageCtx's context-preservation part: Kafka carries no Go context (ContextPreserved
//     is false); trace context travels in headers instead (see events/tracing).
//   - ExactlyOnceDelivery checks: delivery is at least once by design.
package kafkapubsub

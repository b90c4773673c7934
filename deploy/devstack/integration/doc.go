// Package integration proves the platform's real components work as the services will use
// them: Kafka through kafka-go consumer groups, Temporal workflows surviving a worker restart.
//
// Its folders hold the backbone's own tests against real components, by library: sqlstore
// (the event store's conformance suite on PostgreSQL), eventbus and kafkapubsub (Kafka),
// outbox (the forwarder killed mid-batch), ledger (Fabric) and bearer (Hydra's tokens). They
// live here, beside the test environment, and not in the libraries' modules: a library module
// requiring deploy/devstack, which itself requires the libraries, would be a module cycle. The
// libraries keep their tests that need no running component.
package integration

// Package integration proves the platform's real components work as the services will use
// them: Kafka through kafka-go consumer groups, Temporal workflows surviving a worker restart.
// (The Fabric acceptance test lives with the ledger client in events/ledger.)
package integration

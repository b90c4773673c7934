// Package modules checks that the repository's module graph keeps the architecture's shape:
// no cycle between the project's modules (counting what tests import, since that is what a
// go.mod requires), pure modules and the services' domain packages free of infrastructure, and
// the outer layers kept apart (services never depend on each other, the workflow never on a
// service, the chaincode on nothing but its rules, the backbone libraries on nothing above
// them). `make modules` runs it; it needs no running component.
package modules

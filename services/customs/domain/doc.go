// Package domain is the customs context: trade documents fingerprinted by SHA-256, export and
// import declarations with their risk lanes, duties and release, and the shipment's bill of
// lading and transport events. Pure: no I/O, no clock.
package domain

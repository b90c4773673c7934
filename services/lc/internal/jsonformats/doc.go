// Package jsonformats holds the LC service's checks that its JSON formats — the stored records
// (adapters/store) and the API's types (adapters/httpapi) — hold types of their own, never the
// domain's structs: renaming a domain field can then change neither what is stored nor the API
// (issue 11; that the domain itself has no json tags is adapters/store's
// TestTheDomainCarriesNoJSONFormat). It has no code; its test reads the service's Go source.
package jsonformats

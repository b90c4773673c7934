// Package jsonformats holds the LC service's checks that its JSON formats — the stored records
// (adapters/store) and the API's types (adapters/httpapi) — are types of their own, never the
// domain's: renaming a domain field can then change neither what is stored nor the API
// (issue 11). It has no code; its tests read the service's Go source.
package jsonformats

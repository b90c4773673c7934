package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tradefin/tradefin/events/contracts"
)

// The trade ID's bound is the platform's (contracts.CheckTradeID): it is a Kafka key, part of a
// Temporal workflow ID and a Fabric key.
func validTradeID(id string) error {
	if err := contracts.CheckTradeID(id); err != nil {
		return invalid("tradeId", "%v", err)
	}
	return nil
}

// Bounds on what a caller may send: identifiers are short tokens (they travel in URLs, stream
// names and Kafka keys), free text is bounded, and so are lists.
const (
	maxID        = 100  // an identifier: declaration, shipment, B/L number, reference (a trade's is contracts')
	maxName      = 200  // a name: issuer, guarantor, vessel
	maxText      = 2000 // free text: a good's description, an inspection note
	maxLines     = 999  // goods items on one declaration (the EU customs data model's limit)
	MaxDocuments = 99   // documents one declaration relies on
	// MaxTradeDocuments bounds the documents of one trade, so its list (GET /v1/documents) and
	// its file stay bounded.
	MaxTradeDocuments  = 500
	maxTransportEvents = 500 // DCSA events of one shipment: planned and estimated ones may repeat
	idAlphabet         = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:"
)

// validID: a required identifier of letters, digits and - _ . : (no spaces or slashes: it is
// part of URLs and stream names).
func validID(field, id string) error {
	if id == "" {
		return invalid(field, "required")
	}
	if len(id) > maxID || strings.Trim(id, idAlphabet) != "" {
		return invalid(field, "%.40q: want at most %d letters, digits, '-', '_', '.' or ':'", id, maxID)
	}
	return nil
}

// validText: text of at most maxRunes characters, without control characters other than line
// breaks and tabs; required unless optional.
func validText(field, s string, maxRunes int, optional bool) error {
	switch {
	case s == "" && !optional:
		return invalid(field, "required")
	case !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxRunes:
		return invalid(field, "at most %d characters of UTF-8", maxRunes)
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' }):
		return invalid(field, "no control characters")
	}
	return nil
}

// ValidTradeID: a trade ID within the platform's bounds, or the field error naming tradeId.
func ValidTradeID(id string) error { return validTradeID(id) }

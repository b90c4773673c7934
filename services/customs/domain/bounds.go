package domain

import (
	"strings"
	"unicode/utf8"
)

// Bounds on what a caller may send: identifiers are short tokens (they travel in URLs, stream
// names and Kafka keys), free text is bounded, and so are lists.
const (
	maxID        = 100  // an identifier: declaration, trade, shipment, B/L number, reference
	maxName      = 200  // a name: issuer, guarantor, vessel
	maxText      = 2000 // free text: a good's description, an inspection note
	maxLines     = 999  // goods items on one declaration (the EU customs data model's limit)
	MaxDocuments = 99   // documents one declaration relies on
	idAlphabet   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:"
	controlChar  = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"
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

// validText: text of at most max characters, without control characters; required unless
// optional.
func validText(field, s string, max int, optional bool) error {
	switch {
	case s == "" && !optional:
		return invalid(field, "required")
	case !utf8.ValidString(s) || utf8.RuneCountInString(s) > max:
		return invalid(field, "at most %d characters of UTF-8", max)
	case strings.ContainsAny(s, controlChar):
		return invalid(field, "no control characters")
	}
	return nil
}

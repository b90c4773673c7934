package domain

import "fmt"

// RegisteredDocument is a trade document as customs registered it for the trade: its kind and
// the SHA-256 of its content (customs.document_registered.v1, customs.bill_of_lading_issued.v1).
// The LC service keeps them in its own read model, so the bank examines against what was
// registered, not against what the presenter says was.
type RegisteredDocument struct {
	SHA256 string
	Kind   DocumentKind
}

// RegisteredDocuments are a trade's registered documents by SHA-256.
type RegisteredDocuments map[string]RegisteredDocument

// checkRegistered: UCP 600 Art. 14(a) — the bank examines the documents presented, on their
// face; a document whose fingerprint customs never registered for this trade, or registered as
// another kind of document, is not the document the trade's ledger knows, whatever its data says.
// (ISBP 821 A1: the documents are examined as presented, and their data in context.)
func checkRegistered(p Presentation, reg RegisteredDocuments) []Discrepancy {
	var out []Discrepancy
	for _, d := range p.Documents {
		if d.SHA256 == "" {
			continue
		}
		r, ok := reg[d.SHA256]
		switch {
		case !ok:
			out = append(out, Discrepancy{Rule: "UCP 600 Art. 14(a)", Document: d.Kind, Field: "sha256",
				Message: fmt.Sprintf("%s with SHA-256 %.16s… is not a document registered with customs for this trade", words(d.Kind), d.SHA256)})
		case r.Kind != d.Kind:
			out = append(out, Discrepancy{Rule: "UCP 600 Art. 14(a)", Document: d.Kind, Field: "sha256",
				Message: fmt.Sprintf("presented as a %s, but registered with customs as a %s", words(d.Kind), words(r.Kind))})
		}
	}
	return out
}

// ValidSHA256 reports whether s is a SHA-256 as the service stores it: 64 lower-case hex digits.
func ValidSHA256(s string) bool { return isSHA256Hex(s) }

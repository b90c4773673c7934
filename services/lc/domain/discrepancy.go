package domain

// Discrepancy is one way a presentation fails to comply, as a document checker writes it.
type Discrepancy struct {
	Rule     string       `json:"rule"`               // "UCP 600 Art. 18(a)(i)" or "MT700 44C"
	Document DocumentKind `json:"document,omitempty"` // empty for the presentation as a whole
	Field    string       `json:"field,omitempty"`
	Message  string       `json:"message"`
}

// Examination is the outcome of examining a presentation.
type Examination struct {
	Compliant     bool          `json:"compliant"`
	Discrepancies []Discrepancy `json:"discrepancies"`
	// Deadline is the last day for the bank to decide and to refuse (Art. 14(b), 16(d)).
	Deadline Date `json:"deadline"`
}

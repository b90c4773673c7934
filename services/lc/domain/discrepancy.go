package domain

// Discrepancy is one way a presentation fails to comply, as a document checker writes it.
type Discrepancy struct {
	Rule     string       // "UCP 600 Art. 18(a)(i)" or "MT700 44C"
	Document DocumentKind // empty for the presentation as a whole
	Field    string
	Message  string
}

// Examination is the outcome of examining a presentation.
type Examination struct {
	Compliant     bool
	Discrepancies []Discrepancy
	// Deadline is the last day for the bank to decide and to refuse (Art. 14(b), 16(d)).
	Deadline Date
}

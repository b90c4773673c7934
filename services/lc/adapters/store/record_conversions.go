package store

// A record of a nested object is converted to and from the domain by a Go conversion where its
// fields are the domain's (a field added to or renamed in the domain then fails to compile here,
// not silently on load), field by field where it holds records of its own; either way the JSON
// names are the record's alone. TestStoredRecordsRoundTrip checks that no conversion loses a
// field.

// optional converts an optional nested object between its domain and its stored shape: absent
// stays absent (omitempty drops a nil pointer, keeps a present zero one).
func optional[From, To any](v *From, convert func(From) To) *To {
	if v == nil {
		return nil
	}
	out := convert(*v)
	return &out
}

// each converts a list of nested objects between their domain and their stored shape; a nil list
// stays nil and an empty one empty, so it is stored as before (null and [] alike).
func each[From, To any](vs []From, convert func(From) To) []To {
	if vs == nil {
		return nil
	}
	out := make([]To, len(vs))
	for i, v := range vs {
		out[i] = convert(v)
	}
	return out
}

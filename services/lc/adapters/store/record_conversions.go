package store

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
